package io.perfflow.workers.plans;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.NotFoundException;
import io.perfflow.engine.EngineTime;
import io.perfflow.plans.CampaignNotices;
import io.perfflow.workers.Jobs;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Job workers of campaign-notice: thin adapters over {@link CampaignNotices}. */
@Component
public class CampaignNoticeWorkers {
  private final CampaignNotices notices;

  public CampaignNoticeWorkers(CampaignNotices notices) {
    this.notices = notices;
  }

  public record NotifyJob(String campaignCode, Integer revision, String phase, String at) {}

  /** One acknowledgement to ask for: the notice, its buyer (assignee) and what the form shows. */
  public record NoticeItem(long noticeId, String buyerId, String summary) {}

  public record Notified(List<NoticeItem> notices, int noticeCount) {}

  public record AcknowledgeJob(Long noticeId, String buyerComment) {}

  public record Acknowledged(String noticeStatus) {}

  @JobWorker(type = "perfflow.campaigns.notify-buyers")
  public Notified notifyBuyers(@VariablesAsType NotifyJob in) {
    if (in.campaignCode() == null || in.revision() == null) {
      throw Jobs.incident("The campaign notice has no variable 'campaignCode' or 'revision'");
    }
    CampaignNotices.Phase phase;
    try {
      phase = CampaignNotices.Phase.valueOf(String.valueOf(in.phase()));
    } catch (IllegalArgumentException e) {
      throw Jobs.incident("The variable 'phase' must be SAVED or STARTED, got '" + in.phase() + "'");
    }
    Instant at;
    try {
      at = EngineTime.parse(in.at());
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
    try {
      List<NoticeItem> items = notices.notify(in.campaignCode(), in.revision(), phase, at == null ? Instant.now() : at).stream()
          .map(r -> new NoticeItem(r.noticeId(), r.buyerId(), r.summary())).toList();
      return new Notified(items, items.size());
    } catch (NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.campaigns.record-acknowledgement")
  public Acknowledged acknowledge(ActivatedJob job, @VariablesAsType AcknowledgeJob in) {
    if (in.noticeId() == null) {
      throw Jobs.incident("The acknowledgement has no variable 'noticeId'");
    }
    try {
      return new Acknowledged(notices.acknowledge(in.noticeId(), in.buyerComment(), Jobs.dedupeKey(job)).name());
    } catch (NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }
}
