package io.perfflow.workers.promotion;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.engine.EngineTime;
import io.perfflow.promotion.Promotion;
import io.perfflow.promotion.Promotions;
import io.perfflow.workers.Jobs;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of the promotion process: thin adapters over {@link Promotions}. Times come from
 * the model ({@code at} = the engine's {@code now()}), so that they follow the engine clock.
 */
@Component
public class PromotionWorkers {
  private final Promotions promotions;
  private final io.perfflow.CompanyTime companyTime;

  public PromotionWorkers(Promotions promotions, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.promotions = promotions;
  }

  public record PromotionJob(Long promotionId, String at) {}

  public record Eligibility(boolean eligible) {}

  public record ExceptionJob(Long promotionId, String exceptionDecision, String exceptionReason, String at) {}

  public record ApprovalJob(Long promotionId, Integer approvalLevel, String approverGroup, String approvalDecision, String approvalComment, String at) {}

  public record FinalisationJob(Long promotionId, String effectiveDate, Object newBasePay, String finaliseComment, String at) {}

  public record Scheduled(String effectiveAt) {}

  @JobWorker(type = "perfflow.promotion.check-eligibility")
  public Eligibility checkEligibility(@VariablesAsType PromotionJob in) {
    try {
      return new Eligibility(promotions.checkEligibility(id(in.promotionId()), instant(in.at())));
    } catch (NotFoundException | IllegalStateException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.promotion.record-exception")
  public void recordException(@VariablesAsType ExceptionJob in) {
    try {
      promotions.recordException(id(in.promotionId()), in.exceptionDecision(), in.exceptionReason(), instant(in.at()));
    } catch (NotFoundException | IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.promotion.record-approval")
  public void recordApproval(@VariablesAsType ApprovalJob in) {
    if (in.approvalLevel() == null || in.approverGroup() == null) {
      throw Jobs.incident("record-approval needs approvalLevel and approverGroup (inside approval-levels/approval-level)");
    }
    try {
      promotions.recordApproval(id(in.promotionId()), in.approvalLevel(), in.approverGroup(), in.approvalDecision(), in.approvalComment(), instant(in.at()));
    } catch (NotFoundException | IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.promotion.record-rejection")
  public void recordRejection(@VariablesAsType PromotionJob in) {
    try {
      promotions.recordRejection(id(in.promotionId()), instant(in.at()));
    } catch (NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  /** Schedules the promotion; a pay outside the band (a completion from outside PerfFlow) goes back to the form. */
  @JobWorker(type = "perfflow.promotion.record-finalisation")
  public Scheduled recordFinalisation(@VariablesAsType FinalisationJob in) {
    LocalDate effectiveOn;
    BigDecimal pay;
    try {
      effectiveOn = in.effectiveDate() == null ? null : LocalDate.parse(in.effectiveDate().trim().substring(0, Math.min(10, in.effectiveDate().trim().length())));
      pay = in.newBasePay() == null ? null : new BigDecimal(in.newBasePay().toString());
    } catch (DateTimeParseException | NumberFormatException e) {
      throw invalid("effectiveDate must be a date and newBasePay a number: " + e.getMessage());
    }
    try {
      Promotion p = promotions.recordFinalisation(id(in.promotionId()), effectiveOn, pay, in.finaliseComment(), instant(in.at()));
      return new Scheduled(companyTime.startOf(p.effectiveOn()).toString());
    } catch (InvalidInputException e) {
      throw invalid(e.getMessage());
    } catch (NotFoundException | IllegalStateException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.promotion.apply")
  public void apply(@VariablesAsType PromotionJob in) {
    try {
      promotions.apply(id(in.promotionId()), instant(in.at()));
    } catch (NotFoundException | IllegalStateException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  private static RuntimeException invalid(String message) {
    return CamundaError.bpmnError("INVALID_FINALISATION", message, Map.of("finaliseError", message));
  }

  private static long id(Long promotionId) {
    if (promotionId == null) {
      throw Jobs.incident("The process has no variable 'promotionId'");
    }
    return promotionId;
  }

  private static Instant instant(String value) {
    try {
      Instant at = EngineTime.parse(value);
      return at == null ? Instant.now() : at;
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
  }
}
