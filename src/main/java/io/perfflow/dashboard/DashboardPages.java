package io.perfflow.dashboard;

import io.perfflow.InvalidInputException;
import io.perfflow.access.AccessPolicy;
import io.perfflow.web.NavLink;
import io.perfflow.web.PageController;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The dashboard pages: "My performance" ({@code /me}), "My team" ({@code /team}) and a cycle's
 * statistics ({@code /cycles/{id}/dashboard}, HR). Every number is in a table on the server-rendered
 * page; {@code /js/charts.js} (with Chart.js from its WebJar) draws charts from those tables when
 * JavaScript runs.
 */
@PageController
public class DashboardPages {
  /** The Chart.js WebJar's version (pom.xml); the pages load /webjars/chart.js/{version}/dist/chart.umd.min.js. */
  public static final String CHART_JS = "4.5.1";

  private final Dashboards dashboards;
  private final AccessPolicy access;
  private final java.util.List<io.perfflow.web.EmployeeSection> sections;

  public DashboardPages(Dashboards dashboards, AccessPolicy access, java.util.List<io.perfflow.web.EmployeeSection> sections) {
    this.dashboards = dashboards;
    this.access = access;
    this.sections = java.util.List.copyOf(sections);
  }

  @Bean
  static NavLink myPerformanceNavLink() {
    return new NavLink(2, "dashboard.nav.me", "/me", "me");
  }

  @Bean
  static NavLink myTeamNavLink() {
    return new NavLink(4, "dashboard.nav.team", "/team", "team");
  }

  @GetMapping("/me")
  String me(@RequestParam(required = false) String period, Authentication auth, Model model, HttpServletResponse response) {
    model.addAttribute("chartJs", CHART_JS);
    model.addAttribute("current", dashboards.currentPeriod().toString());
    model.addAttribute("employeeSections", io.perfflow.web.EmployeeSection.all(sections, auth.getName(), auth.getName()));
    try {
      model.addAttribute("me", dashboards.myPerformance(auth.getName(), dashboards.period(period)));
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("periodError", e.errors().get(0).message());
      model.addAttribute("periodValue", period);
      model.addAttribute("me", dashboards.myPerformance(auth.getName(), dashboards.currentPeriod()));
    }
    return "my-performance";
  }

  @GetMapping("/team")
  String team(
      @RequestParam(required = false) String managerId, @RequestParam(required = false) String period, Authentication auth,
      Model model, HttpServletResponse response) {
    model.addAttribute("chartJs", CHART_JS);
    model.addAttribute("current", dashboards.currentPeriod().toString());
    try {
      model.addAttribute("team", dashboards.team(auth.getName(), managerId, dashboards.period(period)));
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("periodError", e.errors().get(0).field() + " " + e.errors().get(0).message());
      model.addAttribute("periodValue", period);
      model.addAttribute("team", dashboards.team(auth.getName(), null, dashboards.currentPeriod()));
    }
    return "my-team";
  }

  @GetMapping("/cycles/{id}/dashboard")
  String cycle(@PathVariable long id, Authentication auth, Model model) {
    model.addAttribute("chartJs", CHART_JS);
    model.addAttribute("stats", dashboards.cycle(auth.getName(), id));
    model.addAttribute("ratings", Dashboards.RATINGS);
    return "cycle-dashboard";
  }
}
