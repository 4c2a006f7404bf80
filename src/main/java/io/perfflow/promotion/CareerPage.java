package io.perfflow.promotion;

import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Organisation;
import io.perfflow.web.PageController;
import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /career} (one's own) and {@code /career/{employeeId}} (the employee, their manager chain
 * and HR, as the API): the track, level, next level and each criterion in plain words.
 */
@PageController
public class CareerPage {
  private final Careers careers;
  private final CareerLadders ladders;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public CareerPage(Careers careers, CareerLadders ladders, Organisation organisation, AccessPolicy access, EngineClock clock,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.careers = careers;
    this.ladders = ladders;
    this.organisation = organisation;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/career")
  public String own(Authentication auth, Model model) {
    return show(auth.getName(), auth, model);
  }

  @GetMapping("/career/{employeeId}")
  public String of(@PathVariable String employeeId, Authentication auth, Model model) {
    return show(employeeId, auth, model);
  }

  private String show(String employeeId, Authentication auth, Model model) {
    var employee = organisation.get(employeeId);
    if (!access.canReadEmployee(auth.getName(), employee)) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.mayNotReadCareer", auth.getName(), employeeId));
    }
    Career career = careers.of(employeeId, companyTime.today(clock.now()));
    model.addAttribute("employee", employee);
    model.addAttribute("career", career);
    model.addAttribute("missing", career.criteria().stream().filter(c -> !c.met()).count());
    model.addAttribute("ladder", ladders.find(career.track()).orElse(null));
    model.addAttribute("own", employeeId.equals(auth.getName()));
    model.addAttribute("mayNominate", !employeeId.equals(auth.getName())
        && (access.isHr(auth.getName()) || access.isInManagerChain(auth.getName(), employeeId)));
    model.addAttribute("reports", organisation.all().stream()
        .filter(e -> !e.id().equals(auth.getName()) && access.isInManagerChain(auth.getName(), e.id())).toList());
    model.addAttribute("user", auth.getName());
    return "career";
  }
}
