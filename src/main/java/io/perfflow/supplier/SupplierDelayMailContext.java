package io.perfflow.supplier;

import io.perfflow.mail.MailContext;
import io.perfflow.mail.MailContextContributor;
import io.perfflow.org.Organisation;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A supplier-delay case's mail context: the order as the ERP holds it, and what is at stake. */
@Component
@Order(10)
class SupplierDelayMailContext implements MailContextContributor {

  private final SupplierDelays supplierDelays;
  private final Organisation organisation;

  SupplierDelayMailContext(SupplierDelays supplierDelays, Organisation organisation) {
    this.supplierDelays = supplierDelays;
    this.organisation = organisation;
  }

  @Override
  public MailContext contribute(Map<String, Object> variables, Map<String, Object> base) {
    if (!(variables.get("caseId") instanceof Number id)) {
      return null;
    }
    Map<String, Object> context = new HashMap<>(base);
    SupplierDelayCase c = supplierDelays.get(id.longValue());
    Map<String, Object> order = supplierDelays.order(c.orderId());
    context.put("caseId", c.id());
    context.put("orderId", c.orderId());
    context.put("buyerId", c.buyerId());
    context.put("buyerName", organisation.find(c.buyerId()).map(e -> e.name()).orElse(c.buyerId()));
    context.put("supplierName", order.get("supplier_name") == null ? c.supplierId() : order.get("supplier_name"));
    context.put("item", order.get("item"));
    context.put("quantity", order.get("quantity"));
    context.put("promisedOn", c.promisedOn().toString());
    context.put("daysLate", c.daysLate());
    context.put("level", c.level());
    context.put("detectedAt", c.detectedAt().toString());
    Object value = order.get("budget_cost");
    // written in each recipient's language by the Mailer (io.perfflow.Msg)
    context.put("atStake", io.perfflow.Msg.of("supplier.mail.atStake", value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value),
        order.get("quantity"), order.get("item"), order.get("ordered_on")));
    context.put("headline", io.perfflow.Msg.of(c.reopenCount() > 0 ? "supplier.mail.headline.reopened" : "supplier.mail.headline.late"));
    for (String key : List.of("firstEscalationAfter", "secondEscalationAfter")) {
      if (context.get(key) != null) {
        context.put(key, humanDuration(context.get(key).toString()));
      }
    }
    return new MailContext(SupplierProcesses.supplierCase(c.id()), context, Map.of("level", c.level()));
  }

  /** P1D → "1 day", PT12H → "12 hours"; anything else as it is. */
  static String humanDuration(String iso) {
    try {
      java.time.Duration d = iso.contains("T") ? java.time.Duration.parse(iso) : java.time.Duration.ofDays(java.time.Period.parse(iso).getDays());
      if (d.toHours() % 24 == 0 && d.toDays() > 0) {
        return d.toDays() + (d.toDays() == 1 ? " day" : " days");
      }
      if (d.toMinutes() % 60 == 0) {
        return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
      }
      return d.toMinutes() + " minutes";
    } catch (RuntimeException e) {
      return iso;
    }
  }
}
