package io.perfflow.bonus;

import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import io.perfflow.engine.ProcessLauncher;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
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
  private final ProcessLauncher launcher;
  private final AccessPolicy access;
  private final String reminderAfter;
  private final String checkEvery;

  public BonusPoolsController(
      BonusPools pools, ProcessLauncher launcher, AccessPolicy access,
      @Value("${perfflow.bonus-pools.reminder-after:P7D}") String reminderAfter,
      @Value("${perfflow.bonus-pools.check-every:PT1H}") String checkEvery) {
    this.pools = pools;
    this.launcher = launcher;
    this.access = access;
    this.reminderAfter = reminderAfter;
    this.checkEvery = checkEvery;
  }

  public record CreateBody(String team, String period, BigDecimal amount, String currency, String leadId) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody(required = false) CreateBody body, Principal principal) {
    CreateBody b = body == null ? new CreateBody(null, null, null, null, null) : body;
    BonusPools.Pool pool = pools.create(new BonusPools.NewPool(b.team(), b.period(), b.amount(), b.currency(), b.leadId()), principal.getName());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("poolId", pool.id());
    variables.put("leadId", pool.leadId());
    variables.put("team", pool.team());
    variables.put("period", pool.period());
    variables.put("reminderAfter", reminderAfter);
    variables.put("checkEvery", checkEvery);
    long key = launcher.start(BonusProcesses.TEAM_BONUS_POOL, variables);
    pools.linkInstance(pool.id(), key);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", pool.id());
    answer.put("status", pool.status());
    answer.put("leadId", pool.leadId());
    answer.put("processInstanceKey", key);
    return answer;
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable long id, Principal principal) {
    BonusPools.Pool pool = pools.get(id);
    if (!access.isHr(principal.getName()) && !principal.getName().equals(pool.leadId())) {
      throw new NotPermittedException("Only HR and the team lead read bonus pool " + id);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", pool.id());
    body.put("team", pool.team());
    body.put("period", pool.period());
    body.put("status", pool.status());
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
