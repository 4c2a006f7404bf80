package io.perfflow.review;

import java.math.BigDecimal;
import java.time.Instant;

public record ReviewResult(
    String rating, BigDecimal bonusPercent, BigDecimal bonusAmount, String trainingPlan, String summary, Instant appliedAt) {}
