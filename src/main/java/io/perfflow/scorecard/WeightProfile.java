package io.perfflow.scorecard;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.Localizable;
import io.perfflow.Msg;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named set of KPI weights for a role (e.g. operations/normal, operations/peak-season,
 * customer-service/store-stage-1). Weights are percentages and must sum to exactly 100.
 *
 * <p>Ranges (what the columns store, checked so nothing is rounded on the way in): a target is
 * between 0.0001 and 1,000,000,000 with at most 4 decimals; a weight between 0.01 and 100 with at
 * most 2 decimals; texts at most 100 characters; at most 50 KPIs.
 */
public record WeightProfile(String role, String profile, List<Kpi> kpis) {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final BigDecimal MIN_TARGET = new BigDecimal("0.0001");
  static final BigDecimal MAX_TARGET = new BigDecimal("1000000000");
  static final BigDecimal MIN_WEIGHT = new BigDecimal("0.01");
  static final int MAX_TEXT = 100;

  public BigDecimal weightSum() {
    return kpis.stream().map(Kpi::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Every problem with this profile, each naming the KPI it is about; empty when valid. */
  public List<FieldError> problems() {
    List<FieldError> errors = new ArrayList<>();
    String name = role + "/" + profile;
    if (kpis == null || kpis.isEmpty()) {
      errors.add(new FieldError("kpis", Msg.of("scorecard.error.noKpis", name)));
      return errors;
    }
    if (kpis.size() > 50) {
      errors.add(new FieldError("kpis", Msg.of("scorecard.error.tooManyKpis", name, kpis.size(), 50)));
      return errors;
    }
    for (var text : java.util.Map.of("role", String.valueOf(role), "profile", String.valueOf(profile)).entrySet()) {
      if (text.getValue().length() > MAX_TEXT) errors.add(new FieldError(text.getKey(), Msg.of("scorecard.error.textLong", MAX_TEXT)));
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < kpis.size(); i++) {
      Kpi k = kpis.get(i);
      String at = "kpis[" + i + "]";
      Localizable label = k.code() == null ? Msg.verbatim(at) : Msg.of("scorecard.error.kpi", k.code());
      if (k.code() == null || k.code().isBlank()) errors.add(new FieldError(at + ".code", Msg.of("errors.required")));
      else if (!codes.add(k.code())) errors.add(new FieldError(at + ".code", Msg.of("scorecard.error.twice", label)));
      if (k.name() == null || k.name().isBlank()) errors.add(new FieldError(at + ".name", Msg.of("scorecard.error.nameRequired", label)));
      if (k.unit() == null) errors.add(new FieldError(at + ".unit", Msg.of("scorecard.error.unitRequired", label)));
      if (k.direction() == null) {
        errors.add(new FieldError(at + ".direction", Msg.of("scorecard.error.direction", label)));
      }
      for (var text : new String[][] {{"code", k.code()}, {"name", k.name()}, {"unit", k.unit()}, {"metric", k.metric()}}) {
        if (text[1] != null && text[1].length() > MAX_TEXT) {
          errors.add(new FieldError(at + "." + text[0], Msg.of("scorecard.error.kpiTextLong", label, text[0], MAX_TEXT)));
        }
      }
      if (k.target() == null || k.target().signum() <= 0) {
        errors.add(new FieldError(at + ".target", Msg.of("scorecard.error.targetPositive", label)));
      } else {
        io.perfflow.Numbers.problem(k.target(), MIN_TARGET, MAX_TARGET, 4)
            .ifPresent(p -> errors.add(new FieldError(at + ".target", Msg.of("scorecard.error.target", label, p))));
      }
      if (k.weight() == null || k.weight().signum() <= 0) {
        errors.add(new FieldError(at + ".weight", Msg.of("scorecard.error.weightPositive", label)));
      } else {
        io.perfflow.Numbers.problem(k.weight(), MIN_WEIGHT, HUNDRED, 2)
            .ifPresent(p -> errors.add(new FieldError(at + ".weight", Msg.of("scorecard.error.weight", label, p))));
      }
      if (k.metric() == null || k.metric().isBlank()) {
        errors.add(new FieldError(at + ".metric", Msg.of("scorecard.error.metricRequired", label)));
      }
    }
    if (errors.isEmpty() && weightSum().compareTo(HUNDRED) != 0) {
      errors.add(
          new FieldError(
              "kpis[].weight",
              Msg.of("scorecard.error.weightSum", name, weightSum().stripTrailingZeros().toPlainString())));
    }
    return errors;
  }

  public WeightProfile validated() {
    List<FieldError> errors = problems();
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return this;
  }
}
