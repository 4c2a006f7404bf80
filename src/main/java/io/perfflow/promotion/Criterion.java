package io.perfflow.promotion;

import java.math.BigDecimal;

/**
 * One rule of what it takes to be promoted into a level (data: {@code career_level.criteria}).
 * Which fields apply depends on the type:
 * <ul>
 *   <li>{@code METRIC}: {@code metric}, {@code label}, {@code atLeast} or {@code atMost},
 *       {@code over} ({@code LATEST}, {@code EACH_OF_LAST_N}, {@code AVERAGE_OF_LAST_N}), {@code n};
 *   <li>{@code RATING}: {@code rating} (the lowest rating that counts), {@code lastReviews};
 *   <li>{@code REPORTS}: {@code atLeast} (direct reports);
 *   <li>{@code TIME_IN_LEVEL}: {@code months}.
 * </ul>
 */
public record Criterion(
    Type type, String metric, String label, BigDecimal atLeast, BigDecimal atMost, Over over, Integer n,
    Rating rating, Integer lastReviews, Integer months) {

  public enum Type { METRIC, RATING, REPORTS, TIME_IN_LEVEL }

  public enum Over { LATEST, EACH_OF_LAST_N, AVERAGE_OF_LAST_N }

  /** Review ratings, lowest first (as review-rating.dmn names them). */
  public enum Rating { FAIL, PASS, GOOD, EXCELLENT }

  public static Criterion metric(String metric, String label, BigDecimal atLeast, BigDecimal atMost, Over over, Integer n) {
    return new Criterion(Type.METRIC, metric, label, atLeast, atMost, over, n, null, null, null);
  }

  public static Criterion rating(Rating atLeast, int lastReviews) {
    return new Criterion(Type.RATING, null, null, null, null, null, null, atLeast, lastReviews, null);
  }

  public static Criterion reports(int atLeast) {
    return new Criterion(Type.REPORTS, null, null, BigDecimal.valueOf(atLeast), null, null, null, null, null, null);
  }

  public static Criterion timeInLevel(int months) {
    return new Criterion(Type.TIME_IN_LEVEL, null, null, null, null, null, null, null, null, months);
  }

  /** How many months a METRIC rule looks at. */
  public int window() {
    return over == Over.LATEST || n == null ? 1 : n;
  }
}
