package io.perfflow.promotion;

import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /promotions/new?employeeId=}: the nomination form for the employee's manager chain and
 * HR (the eligibility mail links here). It shows the career as of today and posts what
 * {@code POST /api/promotions} takes, with the same checks.
 */
@PageController
public class NominationPage {
  private final Promotions promotions;
  private final Careers careers;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public NominationPage(Promotions promotions, Careers careers, Organisation organisation, AccessPolicy access, EngineClock clock,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.promotions = promotions;
    this.careers = careers;
    this.organisation = organisation;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/promotions/new")
  public String form(@RequestParam String employeeId, Authentication auth, Model model) {
    Employee e = requireNominator(auth, employeeId);
    return page(model, e, "", "", Map.of());
  }

  @PostMapping("/promotions/new")
  public String nominate(
      @RequestParam String employeeId, @RequestParam(defaultValue = "") String justification,
      @RequestParam(defaultValue = "") String proposedBasePay, Authentication auth, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Employee e = requireNominator(auth, employeeId);
    Career career = careers.of(employeeId, today());
    try {
      BigDecimal pay = null;
      if (!proposedBasePay.isBlank()) {
        pay = io.perfflow.Numbers.parse(proposedBasePay).orElseThrow(() -> new InvalidInputException("proposedBasePay", io.perfflow.Msg.of("promotion.error.payNumber")));
      }
      Promotion p = promotions.nominate(auth.getName(), employeeId, career.next(), justification, pay, clock.now());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("promotion.flash.nominated", e.name(), career.nextName(), p.id()).current());
      return "redirect:/career/" + employeeId;
    } catch (InvalidInputException ex) {
      response.setStatus(400);
      Map<String, String> errors = new LinkedHashMap<>();
      ex.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
      return page(model, e, justification, proposedBasePay, errors);
    } catch (PromotionConflictException ex) {
      response.setStatus(409);
      return page(model, e, justification, proposedBasePay, Map.of("employeeId", ex.getLocalizedMessage()));
    }
  }

  private String page(Model model, Employee e, String justification, String proposedBasePay, Map<String, String> errors) {
    model.addAttribute("employee", e);
    model.addAttribute("career", careers.of(e.id(), today()));
    model.addAttribute("justification", justification);
    model.addAttribute("proposedBasePay", proposedBasePay);
    model.addAttribute("errors", errors);
    return "promotion-new";
  }

  private Employee requireNominator(Authentication auth, String employeeId) {
    Employee e = organisation.get(employeeId);
    if (auth.getName().equals(employeeId) || (!access.isHr(auth.getName()) && !access.isInManagerChain(auth.getName(), employeeId))) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.mayNotNominatePage", auth.getName(), employeeId));
    }
    return e;
  }

  private LocalDate today() {
    return companyTime.today(clock.now());
  }
}
