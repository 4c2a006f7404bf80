package io.perfflow.hr;

import io.perfflow.InvalidInputException;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The peak-season calendar (HR): months whose reviews use each role's {@code peak-season} profile. */
@PageController
public class PeakSeasonPages {
  private final Scorecards scorecards;

  public PeakSeasonPages(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @GetMapping("/peak-seasons")
  String page(Authentication auth, Model model) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.editPeakSeasons"));
    return page(model, "", "", Map.of());
  }

  @PostMapping("/peak-seasons")
  String save(@RequestParam(defaultValue = "") String period, @RequestParam(defaultValue = "") String name, Authentication auth,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.editPeakSeasons"));
    try {
      scorecards.savePeakSeason(period.strip(), name.strip(), auth.getName());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.peak", period.strip(), name.strip()).current());
      return "redirect:/peak-seasons";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return page(model, period, name, HrPages.byField(e));
    }
  }

  @PostMapping("/peak-seasons/{period}/delete")
  String delete(@PathVariable String period, Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.editPeakSeasons"));
    try {
      scorecards.deletePeakSeason(period, auth.getName());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.notPeak", period).current());
      return "redirect:/peak-seasons";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return page(model, period, "", HrPages.byField(e));
    }
  }

  private String page(Model model, String period, String name, Map<String, String> errors) {
    model.addAttribute("seasons", scorecards.peakSeasons());
    model.addAttribute("period", period);
    model.addAttribute("name", name);
    model.addAttribute("errors", errors);
    return "peak-seasons";
  }
}
