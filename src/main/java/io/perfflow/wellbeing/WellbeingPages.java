package io.perfflow.wellbeing;

import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /wellbeing} (HR: open cases and the overview), {@code /wellbeing/cases/{id}} (HR: one
 * case; every view is audited) and {@code /pulse} (everyone: their own pulse answer).
 */
@PageController
public class WellbeingPages {
  private final WellbeingCasesController api;
  private final WellbeingController wellbeing;
  private final PulseAnswers pulse;
  private final AccessPolicy access;

  public WellbeingPages(WellbeingCasesController api, WellbeingController wellbeing, PulseAnswers pulse, AccessPolicy access) {
    this.wellbeing = wellbeing;
    this.api = api;
    this.pulse = pulse;
    this.access = access;
  }

  private void requireHr(Authentication auth) {
    if (!access.isHr(auth.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("wellbeing.error.confidential"));
    }
  }

  @GetMapping("/wellbeing")
  String overview(@RequestParam(required = false) String status, Authentication auth, Model model) {
    requireHr(auth);
    model.addAttribute("status", status == null || status.isBlank() ? "OPEN" : status);
    model.addAttribute("cases", api.list(status == null || status.isBlank() ? "OPEN" : status, auth));
    model.addAttribute("overview", api.overview(auth));
    return "wellbeing";
  }

  /** HR runs the stress scan now (as of the engine's today), as POST /api/wellbeing/scan does. */
  @PostMapping("/wellbeing/scan")
  String scan(Authentication auth, RedirectAttributes redirect) {
    requireHr(auth);
    var r = wellbeing.scan(null, auth);
    redirect.addFlashAttribute("flash", io.perfflow.Msg.of("wellbeing.flash.scan", r.get("asOf"), r.get("evaluated"), r.get("red"),
        r.get("amber"), r.get("opened"), r.get("headsUps")).current());
    return "redirect:/wellbeing";
  }

  @GetMapping("/wellbeing/cases/{id}")
  String wellbeingCase(@PathVariable long id, Authentication auth, Model model) {
    requireHr(auth);
    model.addAttribute("c", api.get(id, auth));
    return "wellbeing-case";
  }

  @GetMapping("/pulse")
  String pulseForm(Authentication auth, Model model) {
    model.addAttribute("answers", pulse.of(auth.getName()));
    return "pulse";
  }

  @PostMapping("/pulse")
  String answer(@RequestParam(required = false) String pressure, @RequestParam(required = false) String comment, Authentication auth,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Integer value = null;
    try {
      value = pressure == null || pressure.isBlank() ? null : Integer.valueOf(pressure.trim());
    } catch (NumberFormatException e) {
      value = 0;
    }
    try {
      pulse.answer(auth.getName(), value, comment);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e.errors().stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
      model.addAttribute("answers", pulse.of(auth.getName()));
      return "pulse";
    }
    redirect.addFlashAttribute("flash", io.perfflow.Msg.of("wellbeing.flash.pulseSaved").current());
    return "redirect:/pulse";
  }

}
