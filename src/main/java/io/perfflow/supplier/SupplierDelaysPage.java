package io.perfflow.supplier;

import java.time.Instant;
import org.springframework.security.core.Authentication;
import io.perfflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /supplier-delays}: the open cases, most days late first (a self-contained page). */
@PageController
public class SupplierDelaysPage {
  private final SupplierDelays delays;
  private final io.perfflow.engine.EngineClock clock;
  private final io.perfflow.access.AccessPolicy access;

  public SupplierDelaysPage(SupplierDelays delays, io.perfflow.engine.EngineClock clock, io.perfflow.access.AccessPolicy access) {
    this.delays = delays;
    this.clock = clock;
    this.access = access;
  }

  @GetMapping("/supplier-delays")
  public String openCases(Authentication auth, Model model) {
    // The API's rule (AccessPolicy): managers of procurement and operations and HR read every case.
    boolean all = access.readsAllCases(auth.getName());
    model.addAttribute("cases", delays.list("ACTIVE", all ? null : auth.getName()));
    model.addAttribute("now", clock.now());
    model.addAttribute("user", auth.getName());
    return "supplier-delays";
  }
}
