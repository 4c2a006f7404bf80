package io.perfflow.plans;

import io.perfflow.NotFoundException;
import io.perfflow.audit.AuditLog;
import io.perfflow.audit.Subject;
import io.perfflow.engine.ProcessLauncher;
import io.perfflow.mail.MailContext;
import io.perfflow.mail.Mailer;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cross-department notice (article 000: "when operations launches a promotion, procurement
 * learns of the order volume change in time"). A campaign that states its stores and expected order
 * uplift starts one {@code campaign-notice} instance per save: the buyers of those stores
 * ({@code source.store_buyer}) get a notice (mail + an acknowledgement task) when it is saved and
 * again when it starts (engine time), each with their current stock cover from the inventory data
 * and the cover left at the expected demand. A later save supersedes the earlier instance (message
 * {@code campaign-changed}, correlation key {@code code:revision}). Notices and acknowledgements are
 * audited; every step is idempotent (one row, mail and audit event per revision, phase and buyer).
 */
@Service
public class CampaignNotices {
  public static final String SUBJECT = "campaign-notice";
  public static final String CHANGED_MESSAGE = "campaign-changed";

  /** When a notice goes out. */
  public enum Phase { SAVED, STARTED }

  /** A notice's state. */
  public enum Status { SENT, ACKNOWLEDGED, SUPERSEDED }

  /** The stock cover of a buyer on a day: their latest inventory month up to that day's month. */
  public record StockCover(
      String period, BigDecimal avgInventoryValue, BigDecimal dailyCogs, BigDecimal coverDays, BigDecimal coverDaysWithUplift) {}

  public record Notice(
      long id, String campaignCode, int revision, Phase phase, String buyerId, List<String> stores, BigDecimal expectedUplift,
      StockCover cover, Status status, Instant sentAt, String acknowledgedBy, Instant acknowledgedAt, String buyerComment) {}

  /** One acknowledgement task to create: the notice and its buyer (the task's assignee). */
  public record Recipient(long noticeId, String buyerId, String summary) {}

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final Organisation organisation;
  private final Mailer mailer;
  private final AuditLog audit;
  private final ProcessLauncher launcher;
  private final String baseUrl;
  private final io.perfflow.CompanyTime companyTime;
  private final io.perfflow.i18n.LanguagePreferences languages;

  public CampaignNotices(JdbcClient jdbc, Campaigns campaigns, Organisation organisation, Mailer mailer, AuditLog audit,
      ProcessLauncher launcher, @Value("${perfflow.base-url}") String baseUrl, io.perfflow.CompanyTime companyTime,
      io.perfflow.i18n.LanguagePreferences languages) {
    this.languages = languages;
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.organisation = organisation;
    this.mailer = mailer;
    this.audit = audit;
    this.launcher = launcher;
    this.baseUrl = baseUrl;
    this.companyTime = companyTime;
  }

  static String noticeKey(String code, int revision) {
    return code + ":" + revision;
  }

  /**
   * After a save was committed: the previous revision's instance (if any) is superseded, and a
   * campaign with stores starts a campaign-notice instance for this revision.
   */
  void campaignSaved(Campaigns.Campaign campaign, Integer previousRevision) {
    if (previousRevision != null) {
      jdbc.sql("UPDATE campaign_notice SET status = 'SUPERSEDED' WHERE campaign_code = ? AND revision < ? AND status = 'SENT'")
          .params(campaign.code(), campaign.revision()).update();
      // TTL zero: only an instance waiting for it takes it (one that already ended does not need to).
      launcher.publish(CHANGED_MESSAGE, noticeKey(campaign.code(), previousRevision),
          "campaign-changed:" + noticeKey(campaign.code(), previousRevision), Duration.ZERO, Map.of("supersededBy", campaign.revision()));
    }
    if (campaign.stores().isEmpty()) {
      return;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("campaignCode", campaign.code());
    variables.put("revision", campaign.revision());
    variables.put("noticeKey", noticeKey(campaign.code(), campaign.revision()));
    variables.put("startsAt", companyTime.startOf(campaign.from()).toString());
    long key = launcher.start(PlanProcesses.CAMPAIGN_NOTICE, variables);
    jdbc.sql("UPDATE campaign SET notice_process_key = ? WHERE code = ? AND revision = ?")
        .params(key, campaign.code(), campaign.revision()).update();
  }

  /** The buyers (PerfFlow employees, active) of {@code stores}, and the buyer ids that are not. */
  public record Buyers(List<Employee> employees, List<String> unknown) {}

  public Buyers buyersOf(List<String> stores) {
    List<String> ids = jdbc.sql("SELECT DISTINCT buyer_id FROM source.store_buyer WHERE store_id = ANY(?) ORDER BY buyer_id")
        .param(stores.toArray(String[]::new)).query(String.class).list();
    List<Employee> employees = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      Optional<Employee> e = organisation.find(id).filter(Employee::active);
      if (e.isPresent()) {
        employees.add(e.get());
      } else {
        unknown.add(id);
      }
    }
    return new Buyers(employees, unknown);
  }

  /**
   * The buyer's stock cover on {@code day}: their latest inventory month up to {@code day}'s month;
   * days of stock = average inventory value / (COGS / days of that month); with the uplift the
   * daily demand is (1 + uplift / 100) times as high. Null values where the data does not say.
   */
  public StockCover stockCover(String buyerId, LocalDate day, BigDecimal upliftPercent) {
    return jdbc.sql("""
            SELECT period, cogs, avg_inventory_value FROM source.inventory_month
            WHERE buyer_id = ? AND period <= ? ORDER BY period DESC LIMIT 1""")
        .params(buyerId, YearMonth.from(day).toString())
        .query((rs, n) -> {
          String period = rs.getString("period");
          BigDecimal cogs = rs.getBigDecimal("cogs");
          BigDecimal value = rs.getBigDecimal("avg_inventory_value");
          return cover(period, cogs, value, upliftPercent);
        })
        .optional().orElse(new StockCover(null, null, null, null, null));
  }

  static StockCover cover(String period, BigDecimal cogs, BigDecimal avgInventoryValue, BigDecimal upliftPercent) {
    int days = YearMonth.parse(period).lengthOfMonth();
    BigDecimal daily = cogs.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    if (cogs.signum() == 0) {
      return new StockCover(period, avgInventoryValue, daily, null, null);
    }
    BigDecimal coverDays = avgInventoryValue.multiply(BigDecimal.valueOf(days)).divide(cogs, 1, RoundingMode.HALF_UP);
    BigDecimal factor = BigDecimal.ONE.add(upliftPercent.movePointLeft(2));
    BigDecimal withUplift = avgInventoryValue.multiply(BigDecimal.valueOf(days)).divide(cogs.multiply(factor), 1, RoundingMode.HALF_UP);
    return new StockCover(period, avgInventoryValue, daily, coverDays, withUplift);
  }

  /**
   * Sends the {@code phase} notice of {@code revision} to every buyer of the campaign's stores (once
   * per buyer: a redelivered job finds the rows and mails of the first attempt). Nothing when the
   * revision is not the campaign's current one (a later save superseded it), nor a start notice
   * when the campaign had already started when it was saved (the saved notice said so).
   * Returns the notices to acknowledge.
   */
  @Transactional
  public List<Recipient> notify(String code, int revision, Phase phase, Instant at) {
    Campaigns.Campaign c = campaigns.find(code).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noCampaign", code)));
    if (c.revision() != revision || c.stores().isEmpty() || c.expectedUplift() == null) {
      return List.of();
    }
    LocalDate today = companyTime.today(at);
    if (phase == Phase.STARTED) {
      Optional<Instant> savedAt = jdbc.sql("SELECT min(sent_at) FROM campaign_notice WHERE campaign_code = ? AND revision = ? AND phase = 'SAVED'")
          .params(code, revision).query((rs, n) -> {
            Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
          }).optional();
      if (savedAt.isPresent() && savedAt.get() != null && !c.from().isAfter(companyTime.today(savedAt.get()))) {
        return List.of();
      }
    }
    Buyers buyers = buyersOf(c.stores());
    List<Recipient> out = new ArrayList<>();
    for (Employee buyer : buyers.employees()) {
      StockCover cover = stockCover(buyer.id(), today, c.expectedUplift());
      jdbc.sql("""
              INSERT INTO campaign_notice (campaign_code, revision, phase, buyer_id, stores, expected_uplift, inventory_period,
                avg_inventory_value, daily_cogs, cover_days, cover_days_with_uplift, status, sent_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?)
              ON CONFLICT (campaign_code, revision, phase, buyer_id) DO NOTHING""")
          .params(code, revision, phase.name(), buyer.id(), c.stores().toArray(String[]::new), c.expectedUplift(), cover.period(),
              cover.avgInventoryValue(), cover.dailyCogs(), cover.coverDays(), cover.coverDaysWithUplift(), Timestamp.from(at))
          .update();
      Notice notice = jdbc.sql("SELECT * FROM campaign_notice WHERE campaign_code = ? AND revision = ? AND phase = ? AND buyer_id = ?")
          .params(code, revision, phase.name(), buyer.id()).query(CampaignNotices::notice).single();
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("buyerName", buyer.name());
      values.put("campaignName", c.name());
      values.put("campaignCode", code);
      values.put("from", c.from().toString());
      values.put("to", c.to().toString());
      values.put("stores", String.join(", ", c.stores()));
      values.put("uplift", c.expectedUplift().toPlainString());
      // A campaign saved when it is already running gets no start notice: the saved one says it has started.
      values.put("phase", running(notice, c) ? "RUNNING" : phase.name());
      StockCover sent = notice.cover();
      values.put("cover", sent.period() == null ? "NO_DATA" : sent.coverDays() == null ? "NO_COGS" : "KNOWN");
      values.put("coverDays", text(sent.coverDays()));
      values.put("coverDaysWithUplift", text(sent.coverDaysWithUplift()));
      values.put("inventoryPeriod", sent.period() == null ? "—" : sent.period());
      values.put("avgInventoryValue", text(sent.avgInventoryValue()));
      values.put("dailyCogs", text(sent.dailyCogs()));
      values.put("noticeId", notice.id());
      values.put("baseUrl", baseUrl);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("campaign", code);
      details.put("revision", revision);
      details.put("phase", phase.name());
      details.put("buyerId", buyer.id());
      details.put("stores", c.stores());
      details.put("expectedUplift", c.expectedUplift());
      details.put("coverDays", String.valueOf(notice.cover().coverDays()));
      details.put("coverDaysWithUplift", String.valueOf(notice.cover().coverDaysWithUplift()));
      details.put("inventoryPeriod", String.valueOf(notice.cover().period()));
      mailer.send("campaign-notice", List.of(buyer.email()), new MailContext(subject(notice.id()), values, details),
          "campaign-notice:" + notice.id());
      audit.append(AuditLog.SYSTEM, "CAMPAIGN_NOTICE_SENT", subject(notice.id()), details, "campaign-notice-sent:" + notice.id());
      if (notice.status() == Status.SENT) {
        // The acknowledgement form's text in Tasklist, in the buyer's language (the mail's too).
        String summary = summary(notice, c).in(languages.forMail(buyer.id()));
        out.add(new Recipient(notice.id(), buyer.id(), summary));
      }
    }
    if (!buyers.unknown().isEmpty()) {
      audit.append(AuditLog.SYSTEM, "CAMPAIGN_NOTICE_UNDELIVERABLE", null,
          Map.of("campaign", code, "revision", revision, "phase", phase.name(), "buyerIds", buyers.unknown(),
              "reason", "not an active PerfFlow employee"),
          "campaign-notice-undeliverable:" + code + ":" + revision + ":" + phase);
    }
    return out;
  }

  private static String text(BigDecimal value) {
    return value == null ? "—" : value.toPlainString();
  }

  /**
   * What the acknowledgement form says about the notice (variable {@code summary}): the campaign,
   * its stores, the expected uplift and the buyer's stock cover as the notice recorded it.
   */
  io.perfflow.Msg summary(Notice notice, Campaigns.Campaign c) {
    Object[] args = {c.name(), c.code(), c.from().toString(), c.to().toString(), String.join(", ", notice.stores()),
        notice.expectedUplift().toPlainString(), coverText(notice.cover(), notice.expectedUplift())};
    if (notice.phase() == Phase.STARTED) {
      return io.perfflow.Msg.of("plans.notice.summary.STARTED", args);
    }
    return running(notice, c) ? io.perfflow.Msg.of("plans.notice.summary.RUNNING", args) : io.perfflow.Msg.of("plans.notice.summary.SAVED", args);
  }

  /** A saved notice of a campaign that had already started on the day it was sent (there is no start notice then). */
  private boolean running(Notice notice, Campaigns.Campaign c) {
    return notice.phase() == Phase.SAVED && notice.sentAt() != null && !c.from().isAfter(companyTime.today(notice.sentAt()));
  }

  static io.perfflow.Msg coverText(StockCover cover, BigDecimal uplift) {
    if (cover.period() == null) {
      return io.perfflow.Msg.of("plans.notice.coverText.NO_DATA");
    }
    if (cover.coverDays() == null) {
      return io.perfflow.Msg.of("plans.notice.coverText.NO_COGS", cover.period(), cover.avgInventoryValue().toPlainString());
    }
    return io.perfflow.Msg.of("plans.notice.coverText.KNOWN", cover.period(), cover.avgInventoryValue().toPlainString(),
        cover.dailyCogs().toPlainString(), cover.coverDays().toPlainString(), cover.coverDaysWithUplift().toPlainString(), uplift.toPlainString());
  }

  /** Who completed the acknowledgement task (set by the task lifecycle before the result is recorded). */
  void recordAcknowledger(long noticeId, String buyer, Instant at) {
    jdbc.sql("UPDATE campaign_notice SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND status = 'SENT'")
        .params(buyer, at == null ? null : Timestamp.from(at), noticeId).update();
  }

  /** The buyer's acknowledgement: stored on the notice and audited once. */
  @Transactional
  public Status acknowledge(long noticeId, String comment, String dedupeKey) {
    Notice n = find(noticeId).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noNotice", noticeId)));
    if (n.status() != Status.SENT) {
      return n.status();
    }
    String by = n.acknowledgedBy() != null ? n.acknowledgedBy() : n.buyerId();
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    jdbc.sql("""
            UPDATE campaign_notice SET status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = coalesce(acknowledged_at, now()),
              buyer_comment = ? WHERE id = ? AND status = 'SENT'""")
        .params(by, text, noticeId).update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("campaign", n.campaignCode());
    details.put("revision", n.revision());
    details.put("phase", n.phase().name());
    details.put("buyerId", n.buyerId());
    details.put("comment", text);
    audit.append(by, "CAMPAIGN_NOTICE_ACKNOWLEDGED", subject(noticeId), details, dedupeKey);
    return Status.ACKNOWLEDGED;
  }

  public Optional<Notice> find(long id) {
    return jdbc.sql("SELECT * FROM campaign_notice WHERE id = ?").param(id).query(CampaignNotices::notice).optional();
  }

  /** The notices of a campaign (every revision), newest first. */
  public List<Notice> ofCampaign(String code) {
    return jdbc.sql("SELECT * FROM campaign_notice WHERE campaign_code = ? ORDER BY revision DESC, phase, buyer_id")
        .param(code).query(CampaignNotices::notice).list();
  }

  static Subject subject(long noticeId) {
    return new Subject(SUBJECT, noticeId);
  }

  private static Notice notice(ResultSet rs, int n) throws SQLException {
    java.sql.Array stores = rs.getArray("stores");
    return new Notice(rs.getLong("id"), rs.getString("campaign_code"), rs.getInt("revision"), Phase.valueOf(rs.getString("phase")),
        rs.getString("buyer_id"), List.copyOf(new LinkedHashSet<>(List.of((String[]) stores.getArray()))),
        rs.getBigDecimal("expected_uplift").stripTrailingZeros(),
        new StockCover(rs.getString("inventory_period"), rs.getBigDecimal("avg_inventory_value"), rs.getBigDecimal("daily_cogs"),
            rs.getBigDecimal("cover_days"), rs.getBigDecimal("cover_days_with_uplift")),
        Status.valueOf(rs.getString("status")), WeeklyPlans.instant(rs, "sent_at"), rs.getString("acknowledged_by"),
        WeeklyPlans.instant(rs, "acknowledged_at"), rs.getString("buyer_comment"));
  }
}
