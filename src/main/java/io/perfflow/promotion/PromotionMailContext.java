package io.perfflow.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.mail.MailContext;
import io.perfflow.mail.MailContextContributor;
import io.perfflow.org.Organisation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A promotion's mail context: who, from and to which level, the criteria, decisions and pay. */
@Component
@Order(20)
class PromotionMailContext implements MailContextContributor {
  private static final String NONE = "-";

  private final Promotions promotions;
  private final CareerLadders ladders;
  private final Organisation organisation;
  private final ObjectMapper json;
  private final io.perfflow.CompanyTime companyTime;

  PromotionMailContext(Promotions promotions, CareerLadders ladders, Organisation organisation, ObjectMapper json, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.promotions = promotions;
    this.ladders = ladders;
    this.organisation = organisation;
    this.json = json;
  }

  @Override
  public MailContext contribute(Map<String, Object> variables, Map<String, Object> base) {
    if (!(variables.get("promotionId") instanceof Number id)) {
      return null;
    }
    Promotion p = promotions.get(id.longValue());
    Ladder ladder = ladders.find(p.track()).orElse(null);
    Map<String, Object> c = new HashMap<>(base);
    c.put("promotionId", p.id());
    c.put("employeeId", p.employeeId());
    c.put("employeeName", p.employeeName());
    c.put("fromLevelName", levelName(ladder, p.fromLevel()));
    c.put("toLevelName", levelName(ladder, p.toLevel()));
    c.put("nominatorName", name(p.nominatedBy()));
    c.put("payIncreasePercent", plain(p.payIncreasePercent()));
    c.put("unmetCriteria", unmet(p.criteriaSnapshot()));
    c.put("exceptionReason", orNone(p.exceptionReason()));
    c.put("rejectedBy", p.rejectedBy() == null ? NONE : String.join(", ",
        List.of(p.rejectedBy().split(",\\s*")).stream().map(this::name).toList()));
    c.put("rejectionReason", orNone(p.rejectionReason()));
    c.put("nextNominationOn", p.closedAt() == null ? NONE
        : companyTime.today(p.closedAt()).plusDays(promotions.coolingOffDays()).toString());
    c.put("effectiveOn", p.effectiveOn() == null ? NONE : p.effectiveOn().toString());
    c.put("newBasePay", p.newBasePay() == null ? NONE : plain(p.newBasePay()));
    c.put("oldBasePay", plain(p.oldBasePay()));
    c.put("allowancePercent", p.allowancePercent() == null ? "0" : plain(p.allowancePercent()));
    if (variables.get("approverGroup") instanceof String group) {
      c.put("approverGroupName", organisation.group(group).map(g -> g.name()).orElse(group));
    }
    if (variables.get("approvalEscalationAfter") instanceof String after) {
      c.put("approvalEscalationAfter", humanDuration(after));
    }
    return new MailContext(PromotionProcesses.promotion(p.id()), c, Map.of("promotionId", p.id(), "toLevel", p.toLevel()));
  }

  private String unmet(String snapshot) {
    if (snapshot == null) {
      return NONE;
    }
    try {
      List<String> lines = new ArrayList<>();
      for (JsonNode r : json.readTree(snapshot)) {
        if (!r.path("met").asBoolean()) {
          lines.add("- " + r.path("description").asText());
        }
      }
      return lines.isEmpty() ? NONE : String.join("\n", lines);
    } catch (Exception e) {
      return NONE;
    }
  }

  private String name(String employeeId) {
    return organisation.find(employeeId).map(e -> e.name()).orElse(employeeId);
  }

  private static String levelName(Ladder ladder, String code) {
    return ladder == null ? code : ladder.level(code).map(Ladder.Level::name).orElse(code);
  }

  private static String orNone(String s) {
    return s == null || s.isBlank() ? NONE : s;
  }

  private static String plain(BigDecimal v) {
    return v == null ? NONE : v.stripTrailingZeros().toPlainString();
  }

  /** P5D → "5 days"; anything else as it is. */
  static String humanDuration(String iso) {
    try {
      java.time.Period period = java.time.Period.parse(iso);
      if (period.getYears() == 0 && period.getMonths() == 0) {
        return period.getDays() + (period.getDays() == 1 ? " day" : " days");
      }
    } catch (RuntimeException e) {
      // not a period of days
    }
    return iso;
  }
}
