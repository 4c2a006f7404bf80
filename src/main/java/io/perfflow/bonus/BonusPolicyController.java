package io.perfflow.bonus;

import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The team bonus pool policy (factors, FAIL share, the lead's limit): HR reads and changes it. */
@RestController
@RequestMapping("/api/bonus-pools/policy")
public class BonusPolicyController {
  private final BonusPolicy policy;
  private final AccessPolicy access;

  public BonusPolicyController(BonusPolicy policy, AccessPolicy access) {
    this.policy = policy;
    this.access = access;
  }

  @GetMapping
  public BonusPolicy.Policy get(Principal principal) {
    requireHr(principal);
    return policy.current();
  }

  @PutMapping
  public BonusPolicy.Policy put(@RequestBody(required = false) BonusPolicy.Policy body, Principal principal) {
    requireHr(principal);
    return policy.change(body, principal.getName());
  }

  private void requireHr(Principal principal) {
    if (!access.isHr(principal.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("bonus.error.hrPolicy"));
    }
  }
}
