package io.perfflow.cs;

import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.Periods;
import io.perfflow.access.AccessPolicy;
import io.perfflow.org.Organisation;
import io.perfflow.web.NavLink;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /cs/attribution?storeId=&period=}: the attribution report of a store's month for HR and
 * the cs-leads (same rule and numbers as {@code GET /api/cs/attribution}), unattributed sessions
 * included; {@code /cs/recognition-rewards}: what each kind of recognition earns (HR changes it).
 */
@PageController
public class CsPages {
  static final String CS_LEADS = "cs-leads";

  private final CsAttribution attribution;
  private final AccessPolicy access;
  private final Organisation organisation;
  private final io.perfflow.engine.EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;
  private final DailyFeedback daily;

  public CsPages(CsAttribution attribution, AccessPolicy access, Organisation organisation, io.perfflow.engine.EngineClock clock,
      io.perfflow.CompanyTime companyTime, DailyFeedback daily) {
    this.companyTime = companyTime;
    this.daily = daily;
    this.attribution = attribution;
    this.access = access;
    this.organisation = organisation;
    this.clock = clock;
  }

  @Bean
  static NavLink csAttributionNavLink() {
    return new NavLink(35, "cs.nav.attribution", "/cs/attribution", "cs-attribution", false, CS_LEADS);
  }

  @GetMapping("/cs/attribution")
  String report(
      @RequestParam(required = false) String storeId, @RequestParam(required = false) String period, Authentication auth, Model model,
      HttpServletResponse response) {
    if (!access.isHr(auth.getName()) && !organisation.isMember(auth.getName(), CS_LEADS)) {
      throw new NotPermittedException(io.perfflow.Msg.of("cs.error.report"));
    }
    var stores = attribution.stores();
    String store = storeId == null || storeId.isBlank() ? (stores.isEmpty() ? null : stores.get(0).id()) : storeId;
    String month = period == null || period.isBlank()
        ? companyTime.period(clock.now()).toString() : period;
    model.addAttribute("stores", stores);
    model.addAttribute("storeId", store);
    model.addAttribute("period", month);
    if (store != null) {
      try {
        YearMonth ym = Periods.parse("period", month);
        model.addAttribute("report", attribution.report(attribution.requireStore("storeId", store), ym));
      } catch (InvalidInputException e) {
        response.setStatus(400);
        model.addAttribute("error", e.errors().get(0).field() + " " + e.errors().get(0).message());
      }
    }
    return "cs-attribution";
  }

  /**
   * {@code /cs/recognition-rewards}: what each kind of recognition earns, for HR and the cs-leads
   * (as {@code GET /api/cs/recognition-rewards}); HR changes one with its form (as
   * {@code PUT /api/cs/recognition-rewards/{kind}}: a refused reward is shown next to its field,
   * nothing written; audited).
   */
  @GetMapping("/cs/recognition-rewards")
  String rewards(Authentication auth, Model model) {
    if (!access.isHr(auth.getName()) && !organisation.isMember(auth.getName(), CS_LEADS)) {
      throw new NotPermittedException(io.perfflow.Msg.of("cs.error.rewardsRead"));
    }
    return rewardsPage(model, null, null, null);
  }

  @PostMapping("/cs/recognition-rewards/{kind}")
  String setReward(@PathVariable String kind, @RequestParam(required = false) String reward, Authentication auth, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    if (!access.isHr(auth.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("cs.error.rewardsChange"));
    }
    try {
      daily.setReward(kind, reward, auth.getName());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("cs.flash.rewardSet", kindLabel(kind)).current());
      return "redirect:/cs/recognition-rewards";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return rewardsPage(model, kind, reward, e.errors().get(0).field() + ": " + e.errors().get(0).message());
    }
  }

  private static io.perfflow.Msg kindLabel(String kind) {
    return switch (kind) {
      case "RECEPTIONS_TOP" -> io.perfflow.Msg.of("cs.recognitionKind.RECEPTIONS_TOP");
      case "CONVERSION_TOP" -> io.perfflow.Msg.of("cs.recognitionKind.CONVERSION_TOP");
      default -> io.perfflow.Msg.of("cs.recognitionKind.WEEK_TOP");
    };
  }

  private String rewardsPage(Model model, String kind, String value, String error) {
    model.addAttribute("rewards", daily.rewards());
    model.addAttribute("errorKind", kind);
    model.addAttribute("errorValue", value);
    model.addAttribute("error", error);
    return "cs-recognition-rewards";
  }
}
