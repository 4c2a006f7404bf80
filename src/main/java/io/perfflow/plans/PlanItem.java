package io.perfflow.plans;

import java.math.BigDecimal;

/**
 * One item of a weekly plan: what the employee does ({@code title}) for which KPI of their
 * scorecard ({@code kpi}, read through {@code metric}), the change they aim at and the baseline
 * (the metric over the previous week). The final fields are set when the week is closed.
 */
public record PlanItem(
    int position,
    String title,
    String kpi,
    String metric,
    PlanGoal goal,
    ChangeUnit unit,
    BigDecimal targetChange,
    BigDecimal baseline,
    String baselineSource,
    Boolean lagging,
    BigDecimal finalValue,
    BigDecimal finalChange,
    BigDecimal completion) {}
