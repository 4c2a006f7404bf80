package io.perfflow.workers.promotion;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.engine.EngineTime;
import io.perfflow.promotion.EligibilityScan;
import io.perfflow.workers.Jobs;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code perfflow.promotion.eligibility-scan}: the monthly scan of promotion-eligible reports (promotion-eligibility-scan). */
@Component
public class EligibilityScanWorker {
  private final EligibilityScan scan;

  public EligibilityScanWorker(EligibilityScan scan) {
    this.scan = scan;
  }

  public record ScanJob(String scanAt) {}

  public record ScanOutcome(int scanned, List<String> newlyEligible, int managersMailed) {}

  @JobWorker(type = "perfflow.promotion.eligibility-scan")
  public ScanOutcome scan(ActivatedJob job, @VariablesAsType ScanJob in) {
    Instant at;
    try {
      at = EngineTime.parse(in.scanAt());
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
    EligibilityScan.Result r = scan.scan(at == null ? Instant.now() : at, "promotion-eligibility-scan:" + job.getProcessInstanceKey());
    return new ScanOutcome(r.scanned(), r.newlyEligible(), r.managersMailed());
  }
}
