package io.perfflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the running product (a Spring context, an engine, a child JVM): it runs in failsafe's
 * integration-test phase, after the unit tests in surefire (pom.xml). Every class that starts the
 * application carries it, directly or through {@link EmbeddedPerfFlowTest}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(ApplicationTest.TAG)
public @interface ApplicationTest {
  String TAG = "application";
}
