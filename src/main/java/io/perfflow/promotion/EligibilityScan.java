package io.perfflow.promotion;

import io.perfflow.audit.AuditLog;
import io.perfflow.mail.MailContext;
import io.perfflow.mail.Mailer;
import io.perfflow.org.Organisation;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly eligibility scan: every active employee on a ladder whose next level's criteria
 * are all met, and whose manager has not been told for that level yet, is put in one mail per
 * manager ({@code promotion-eligible}). The notice rows make it once per employee and level; a
 * manager's notices and mail commit together (a failed mail leaves them for the next scan).
 */
@Service
public class EligibilityScan {
  public record Result(int scanned, List<String> newlyEligible, int managersMailed) {}

  private final JdbcClient jdbc;
  private final Careers careers;
  private final Organisation organisation;
  private final Mailer mailer;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final String baseUrl;
  private final io.perfflow.CompanyTime companyTime;

  public EligibilityScan(
      JdbcClient jdbc, Careers careers, Organisation organisation, Mailer mailer, AuditLog audit, TransactionTemplate tx,
      @Value("${perfflow.base-url}") String baseUrl, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.careers = careers;
    this.organisation = organisation;
    this.mailer = mailer;
    this.audit = audit;
    this.tx = tx;
    this.baseUrl = baseUrl;
  }

  private record Eligible(String employeeId, String name, String level, String next, String nextName) {}

  public Result scan(Instant at, String dedupeKey) {
    LocalDate asOf = companyTime.today(at);
    List<String[]> candidates = jdbc.sql("""
            SELECT e.id, e.manager_id FROM employee e
            WHERE e.active AND e.track IS NOT NULL AND e.manager_id IS NOT NULL
            ORDER BY e.id""")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
    Map<String, List<Eligible>> byManager = new TreeMap<>();
    for (String[] c : candidates) {
      Career career = careers.of(c[0], asOf);
      if (!career.eligible() || career.next() == null) {
        continue;
      }
      boolean told = jdbc.sql("SELECT count(*) FROM promotion_eligibility_notice WHERE employee_id = ? AND to_level = ?")
          .params(c[0], career.next()).query(Long.class).single() > 0;
      if (!told) {
        byManager.computeIfAbsent(c[1], k -> new ArrayList<>()).add(new Eligible(c[0],
            organisation.find(c[0]).map(e -> e.name()).orElse(c[0]), career.levelName() == null ? career.level() : career.levelName(),
            career.next(), career.nextName()));
      }
    }
    List<String> newly = new ArrayList<>();
    int mailed = 0;
    for (Map.Entry<String, List<Eligible>> m : byManager.entrySet()) {
      String managerId = m.getKey();
      List<Eligible> reports = m.getValue();
      Boolean sent = tx.execute(status -> {
        List<Eligible> fresh = new ArrayList<>();
        for (Eligible e : reports) {
          int inserted = jdbc.sql("""
                  INSERT INTO promotion_eligibility_notice (employee_id, to_level, manager_id, notified_at) VALUES (?, ?, ?, ?)
                  ON CONFLICT DO NOTHING""")
              .params(e.employeeId(), e.next(), managerId, Timestamp.from(at))
              .update();
          if (inserted > 0) {
            fresh.add(e);
          }
        }
        if (fresh.isEmpty()) {
          return false;
        }
        StringBuilder lines = new StringBuilder();
        for (Eligible e : fresh) {
          lines.append("- ").append(e.name()).append(": ").append(e.level()).append(" -> ").append(e.nextName())
              .append(" (").append(baseUrl).append("/promotions/new?employeeId=").append(e.employeeId()).append(")\n");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("managerName", organisation.find(managerId).map(x -> x.name()).orElse(managerId));
        values.put("eligibleReports", lines.toString().stripTrailing());
        values.put("asOf", asOf.toString());
        values.put("eligibleCount", fresh.size());
        values.put("baseUrl", baseUrl);
        mailer.send("promotion-eligible", List.of(organisation.get(managerId).email()),
            new MailContext(null, values, Map.of("managerId", managerId, "employees", fresh.stream().map(Eligible::employeeId).toList())),
            dedupeKey + ":" + managerId);
        fresh.forEach(e -> newly.add(e.employeeId()));
        return true;
      });
      if (Boolean.TRUE.equals(sent)) {
        mailed++;
      }
    }
    audit.append(AuditLog.SYSTEM, "PROMOTION_ELIGIBILITY_SCANNED", null,
        Map.of("asOf", asOf.toString(), "scanned", candidates.size(), "newlyEligible", newly), dedupeKey);
    return new Result(candidates.size(), newly, mailed);
  }
}
