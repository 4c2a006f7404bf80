package io.perfflow.bonus;

import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Team bonus pools. HR starts one (SecurityConfiguration); HR and the pool's lead read it, the
 * members see their own share on their review.
 */
@RestController
@RequestMapping("/api/bonus-pools")
public class BonusPoolsController {
  private final BonusPools pools;
  private final BonusPoolLauncher launcher;
  private final AccessPolicy access;

  public BonusPoolsController(BonusPools pools, BonusPoolLauncher launcher, AccessPolicy access) {
    this.pools = pools;
    this.launcher = launcher;
    this.access = access;
  }

  public record CreateBody(String team, String period, BigDecimal amount, String currency, String leadId) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody(required = false) CreateBody body, Principal principal) {
    CreateBody b = body == null ? new CreateBody(null, null, null, null, null) : body;
    BonusPoolLauncher.Started started =
        launcher.start(new BonusPools.NewPool(b.team(), b.period(), b.amount(), b.currency(), b.leadId()), principal.getName());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", started.pool().id());
    answer.put("status", started.pool().status());
    answer.put("leadId", started.pool().leadId());
    answer.put("processInstanceKey", started.processInstanceKey());
    return answer;
  }

  /** HR restarts a pool whose process instance the engine lost (an embedded restart without its data). */
  @PostMapping("/{id}/restart")
  public Map<String, Object> restart(@PathVariable long id, Principal principal) {
    if (!access.isHr(principal.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("bonus.error.hrRestarts", id));
    }
    BonusPoolLauncher.Started started = launcher.restart(id, principal.getName());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", started.pool().id());
    answer.put("status", started.pool().status());
    answer.put("processInstanceKey", started.processInstanceKey());
    return answer;
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable long id, Principal principal) {
    BonusPools.Pool pool = pools.get(id);
    if (!access.isHr(principal.getName()) && !principal.getName().equals(pool.leadId())) {
      throw new NotPermittedException(io.perfflow.Msg.of("bonus.error.mayNotRead", id));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", pool.id());
    body.put("team", pool.team());
    body.put("period", pool.period());
    body.put("status", pool.status());
    body.put("statusReason", pool.statusReason());
    body.put("amount", pool.amount());
    body.put("currency", pool.currency());
    body.put("leadId", pool.leadId());
    body.put("leadComment", pool.leadComment());
    body.put("hrDecision", pool.hrDecision());
    body.put("hrComment", pool.hrComment());
    body.put("decidedBy", pool.decidedBy());
    body.put("waitingFor", pool.status() == BonusPoolStatus.WAITING_FOR_REVIEWS ? pools.waitingFor(id) : List.of());
    body.put("allocations", pools.allocations(id));
    body.put("processInstanceKey", pool.processInstanceKey());
    return body;
  }
}
