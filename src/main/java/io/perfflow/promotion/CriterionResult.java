package io.perfflow.promotion;

/**
 * A criterion evaluated for one employee: what is required, what they have, whether it is met,
 * and the same in plain words ("advanced course: 85 % of 90 %").
 */
public record CriterionResult(String type, String description, String required, String actual, boolean met) {}
