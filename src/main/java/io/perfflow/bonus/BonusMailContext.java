package io.perfflow.bonus;

import io.perfflow.mail.MailContext;
import io.perfflow.mail.MailContextContributor;
import io.perfflow.org.Organisation;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A bonus pool's mail context: the pool, who is still waited for, the allocation table, a member's share. */
@Component
@Order(20)
public class BonusMailContext implements MailContextContributor {
  private final BonusPools pools;
  private final Organisation organisation;

  BonusMailContext(BonusPools pools, Organisation organisation) {
    this.pools = pools;
    this.organisation = organisation;
  }

  @Override
  public MailContext contribute(Map<String, Object> variables, Map<String, Object> base) {
    if (!(variables.get("poolId") instanceof Number id)) {
      return null;
    }
    BonusPools.Pool pool = pools.get(id.longValue());
    Map<String, Object> context = new HashMap<>(base);
    context.put("poolId", pool.id());
    context.put("team", pool.team());
    context.put("period", pool.period());
    context.put("amount", pool.amount().toPlainString());
    context.put("currency", pool.currency());
    context.put("leadName", organisation.find(pool.leadId()).map(e -> e.name()).orElse(pool.leadId()));
    var waiting = pools.waitingFor(pool.id());
    // written in each recipient's language by the Mailer (io.perfflow.Msg)
    context.put("waitingFor", waiting.isEmpty() ? io.perfflow.Msg.of("bonus.mail.nobody") : String.join(", ", waiting));
    var allocations = pools.allocations(pool.id());
    context.put("allocationTable", allocations.isEmpty() ? io.perfflow.Msg.of("bonus.mail.notAllocated") : allocationTable(allocations));
    if (variables.get("memberId") instanceof String member) {
      allocations.stream().filter(a -> a.employeeId().equals(member)).findFirst().ifPresent(a -> {
        context.put("memberName", organisation.find(member).map(e -> e.name()).orElse(member));
        context.put("memberShare", a.adjustedShare().toPlainString());
      });
    }
    return new MailContext(BonusProcesses.pool(pool.id()), context, Map.of("poolId", pool.id()));
  }

  /** One line per member: final total, weight, share and the share after the lead's moves, in the recipient's language. */
  public static io.perfflow.Localizable allocationTable(java.util.List<BonusPools.Allocation> allocations) {
    java.util.List<io.perfflow.Msg> lines = allocations.stream()
        .map(a -> io.perfflow.Msg.of("bonus.mail.allocationLine", a.employeeId(),
            a.finalTotal() == null ? "-" : a.finalTotal().toPlainString(), a.weight().toPlainString(), a.share().toPlainString(),
            a.adjustedShare().toPlainString()))
        .toList();
    return locale -> lines.stream().map(l -> "  " + l.in(locale)).collect(Collectors.joining("\n"));
  }
}
