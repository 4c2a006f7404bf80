package io.perfflow.supplier;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import io.perfflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /supplier-delays}: the open cases, most days late first (a self-contained page). */
@PageController
public class SupplierDelaysPage {
  private static final List<String> READ_ALL = List.of("GROUP_hr", "GROUP_procurement-managers", "GROUP_ops-managers");
  private final SupplierDelays delays;

  private final io.perfflow.engine.EngineClock clock;

  public SupplierDelaysPage(SupplierDelays delays, io.perfflow.engine.EngineClock clock) {
    this.delays = delays;
    this.clock = clock;
  }

  @GetMapping("/supplier-delays")
  public String openCases(Authentication auth, Model model) {
    boolean all = auth.getAuthorities().stream().anyMatch(a -> READ_ALL.contains(a.getAuthority()));
    model.addAttribute("cases", delays.list("ACTIVE", all ? null : auth.getName()));
    model.addAttribute("now", clock.now());
    model.addAttribute("user", auth.getName());
    return "supplier-delays";
  }
}
