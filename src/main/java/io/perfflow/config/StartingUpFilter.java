package io.perfflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PerfFlow is still starting (the web server is open, but the migrations' follow-up work,
 * the demo seed, the restart recovery or the late deployments are not done: readiness is not
 * ACCEPTING_TRAFFIC yet), every request except {@code /actuator/health} is answered 503 with
 * {@code Retry-After}, before authentication: on a fresh data folder the seeded {@code admin}
 * does not exist yet, and a 401 would say the password is wrong when it is only early. The
 * health endpoint answers for itself (DOWN, 503, see {@link StartupHealthIndicator}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartingUpFilter extends OncePerRequestFilter {
  private final ApplicationAvailability availability;
  private volatile boolean ready;

  public StartingUpFilter(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (ready || isHealth(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
      ready = true; // once ready, it stays out of the way (readiness is not switched back here)
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(503);
    response.setHeader("Retry-After", "5");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Starting\",\"status\":503,"
        + "\"detail\":\"PerfFlow is still starting (migrating, seeding, recovering, deploying); try again in a few seconds\"}");
  }

  private static boolean isHealth(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }
}
