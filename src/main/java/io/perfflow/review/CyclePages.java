package io.perfflow.review;

import io.perfflow.InvalidInputException;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.tasks.TaskForbiddenException;
import io.perfflow.web.WebSupport;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import io.perfflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Review cycles: the list (with HR's "Start cycle" form) and one cycle's progress and rankings. */
@PageController
public class CyclePages {
  private final Cycles cycles;
  private final CycleReports reports;
  private final Scorecards scorecards;

  private final io.perfflow.access.AccessPolicy access;

  private final org.springframework.context.MessageSource messages;

  public CyclePages(Cycles cycles, Scorecards scorecards, CycleReports reports, io.perfflow.access.AccessPolicy access,
      org.springframework.context.MessageSource messages) {
    this.messages = messages;
    this.access = access;
    this.reports = reports;
    this.cycles = cycles;
    this.scorecards = scorecards;
  }

  @GetMapping("/cycles")
  String list(Model model) {
    return listPage(model, "", List.of(), "", Map.of());
  }

  @PostMapping("/cycles")
  String start(
      @RequestParam(defaultValue = "") String period,
      @RequestParam(required = false) List<String> roles,
      @RequestParam(defaultValue = "") String employeeIds,
      Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    if (!WebSupport.isHr(auth)) {
      throw new TaskForbiddenException(io.perfflow.Msg.of("review.error.hrStartsCycles"));
    }
    List<String> ids = Arrays.stream(employeeIds.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<String> chosenRoles = roles == null ? List.of() : roles;
    try {
      Cycle cycle = cycles.start(period.trim(), chosenRoles, ids, auth.getName());
      redirect.addFlashAttribute("flash", messages.getMessage("review.cycles.startedFlash", new Object[] {cycle.period()},
          org.springframework.context.i18n.LocaleContextHolder.getLocale()));
      return "redirect:/cycles/" + cycle.id();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      Map<String, String> errors = new LinkedHashMap<>();
      e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
      return listPage(model, period, chosenRoles, employeeIds, errors);
    }
  }

  private String listPage(Model model, String period, List<String> roles, String employeeIds, Map<String, String> errors) {
    List<Cycle> all = reports.list();
    model.addAttribute("cycles", all);
    Map<Long, CycleReports.Progress> progress = new LinkedHashMap<>();
    all.forEach(c -> progress.put(c.id(), reports.progress(c.id())));
    model.addAttribute("progress", progress);
    model.addAttribute("roles", scorecards.roles());
    model.addAttribute("period", period);
    model.addAttribute("chosenRoles", roles);
    model.addAttribute("employeeIds", employeeIds);
    model.addAttribute("errors", errors);
    return "cycles";
  }

  @GetMapping("/cycles/{id}")
  String cycle(@PathVariable long id, Authentication auth, Model model) {
    CycleReports.Progress p = reports.progress(id);
    model.addAttribute("cycle", p.cycle());
    model.addAttribute("p", p);
    model.addAttribute("rankings", access.visibleRankings(auth.getName(), id, reports.rankings(id)));
    return "cycle";
  }
}
