package io.perfflow.api;

import io.perfflow.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
public class AuditController {
  private final AuditLog audit;

  public AuditController(AuditLog audit) {
    this.audit = audit;
  }

  /** Recomputes the hash chain: {intact, checked, firstBrokenEventId}. */
  @GetMapping("/verify")
  public AuditLog.Verification verify() {
    return audit.verify();
  }
}
