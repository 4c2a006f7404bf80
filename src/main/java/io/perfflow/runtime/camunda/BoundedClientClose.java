package io.perfflow.runtime.camunda;

import io.camunda.client.CamundaClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

/**
 * Bounds how long closing the {@link CamundaClient} may take, so that PerfFlow's shutdown in the
 * camunda runtime always finishes.
 *
 * <p>Why: in client 8.8.14 (the newest 8.8 patch the registry serves) a job stream that is
 * re-opened by its back-off timer after the worker was closed returns from
 * {@code JobStreamerImpl.open} while still holding the stream lock. The client's own
 * {@code close()} then closes that worker a second time and parks forever in
 * {@code JobStreamerImpl.close} (compare Camunda issue 44264). It happens when the cluster is
 * unreachable while PerfFlow stops, which is exactly when a clean stop matters.
 *
 * <p>The starter declares the client bean with {@code destroyMethod = "close"}, and Spring calls
 * a destroy method on the raw instance, never on what a post-processor returned. So this class
 * does two things: as a bean-factory post-processor it takes the destroy method off every
 * {@link CamundaClient} bean definition, and as a bean post-processor it hands the context a proxy
 * and registers that proxy's {@code close()} as the bean's destruction callback. The proxy's
 * {@code close()} runs the real one on its own thread and waits at most {@code timeout}.
 * Past that it interrupts the closing thread (the stream lock is taken interruptibly, so the
 * remaining workers, the executor and the gRPC channel are still closed) and waits another
 * {@code timeout} before giving up with an error in the log. Every other method goes straight
 * through.
 */
public final class BoundedClientClose implements BeanFactoryPostProcessor, BeanPostProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedClientClose.class);

  private final Duration timeout;

  public BoundedClientClose(Duration timeout) {
    this.timeout = timeout;
  }

  private ConfigurableListableBeanFactory beanFactory;

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    this.beanFactory = beanFactory;
    for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      if (definition instanceof AbstractBeanDefinition bean) {
        // "" means none: null would let Spring infer close() again, the client being AutoCloseable.
        bean.setDestroyMethodName("");
      }
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof CamundaClient client && !Proxy.isProxyClass(bean.getClass())) {
      CamundaClient bounded = wrap(client, timeout);
      if (beanFactory != null && beanFactory.containsBeanDefinition(beanName)) {
        // Registered while the client is being created, so it is destroyed after every bean that
        // was created later with the client injected (Spring destroys in reverse order).
        ((org.springframework.beans.factory.support.DefaultSingletonBeanRegistry) beanFactory)
            .registerDisposableBean(beanName + ".boundedClose", bounded::close);
      }
      return bounded;
    }
    return bean;
  }

  /** The client, with a {@code close()} that returns within about twice {@code timeout}. */
  public static CamundaClient wrap(CamundaClient client, Duration timeout) {
    InvocationHandler handler = new BoundedCloseHandler(client, timeout);
    return (CamundaClient)
        Proxy.newProxyInstance(
            CamundaClient.class.getClassLoader(), new Class<?>[] {CamundaClient.class}, handler);
  }

  /** How a bounded close ended; logged, and returned to tests through {@link #lastOutcome}. */
  public enum CloseOutcome {
    CLOSED,
    CLOSED_AFTER_INTERRUPT,
    ABANDONED
  }

  private static final class BoundedCloseHandler implements InvocationHandler {
    private final CamundaClient delegate;
    private final Duration timeout;
    private volatile CloseOutcome lastOutcome;

    BoundedCloseHandler(CamundaClient delegate, Duration timeout) {
      this.delegate = delegate;
      this.timeout = timeout;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("close") && method.getParameterCount() == 0) {
        lastOutcome = boundedClose();
        return null;
      }
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> "BoundedClientClose(" + delegate + ")";
          default -> method.invoke(delegate, args);
        };
      }
      try {
        return method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private CloseOutcome boundedClose() throws InterruptedException {
      Thread closer =
          Thread.ofPlatform()
              .name("camunda-client-close")
              .daemon(true)
              .start(
                  () -> {
                    try {
                      delegate.close();
                    } catch (RuntimeException e) {
                      LOG.warn("Closing the Camunda client failed: {}", e.getMessage());
                    }
                  });
      long millis = Math.max(1, timeout.toMillis());
      closer.join(millis);
      if (!closer.isAlive()) {
        return CloseOutcome.CLOSED;
      }
      LOG.warn(
          "Closing the Camunda client did not finish within {}; interrupting it (a job stream is"
              + " stuck on its lock, see BoundedClientClose)",
          timeout);
      closer.interrupt();
      closer.join(millis);
      if (!closer.isAlive()) {
        return CloseOutcome.CLOSED_AFTER_INTERRUPT;
      }
      LOG.error(
          "The Camunda client still did not close after an interrupt; PerfFlow stops without"
              + " waiting for it");
      return CloseOutcome.ABANDONED;
    }
  }

  /** How the last {@code close()} of a client made by {@link #wrap} ended (null before it). */
  public static CloseOutcome lastOutcome(CamundaClient wrapped) {
    if (Proxy.isProxyClass(wrapped.getClass())
        && Proxy.getInvocationHandler(wrapped) instanceof BoundedCloseHandler handler) {
      return handler.lastOutcome;
    }
    throw new IllegalArgumentException("not a client made by BoundedClientClose.wrap");
  }
}
