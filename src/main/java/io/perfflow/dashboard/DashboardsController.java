package io.perfflow.dashboard;

import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboards as JSON: {@code GET /api/me/performance} (the caller's own), {@code GET /api/team}
 * (a manager's team), {@code GET /api/cycles/{id}/dashboard} (HR).
 */
@RestController
public class DashboardsController {
  private final Dashboards dashboards;

  public DashboardsController(Dashboards dashboards) {
    this.dashboards = dashboards;
  }

  @GetMapping("/api/me/performance")
  public Dashboards.MyPerformance me(@RequestParam(required = false) String period, Principal principal) {
    return dashboards.myPerformance(principal.getName(), dashboards.period(period));
  }

  @GetMapping("/api/team")
  public Dashboards.Team team(
      @RequestParam(required = false) String managerId, @RequestParam(required = false) String period, Principal principal) {
    return dashboards.team(principal.getName(), managerId, dashboards.period(period));
  }

  @GetMapping("/api/cycles/{id}/dashboard")
  public Dashboards.CycleStats cycle(@PathVariable long id, Principal principal) {
    return dashboards.cycle(principal.getName(), id);
  }
}
