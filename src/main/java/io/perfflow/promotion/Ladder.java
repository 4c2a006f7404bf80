package io.perfflow.promotion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A career track: its levels in order; a level's criteria are what it takes to be promoted into it. */
public record Ladder(String track, String name, List<Level> levels) {
  public record PayBand(BigDecimal min, BigDecimal max) {
    public boolean contains(BigDecimal pay) {
      return (min == null || pay.compareTo(min) >= 0) && (max == null || pay.compareTo(max) <= 0);
    }

    @Override
    public String toString() {
      return (min == null ? "0" : min.stripTrailingZeros().toPlainString()) + "–" + (max == null ? "∞" : max.stripTrailingZeros().toPlainString());
    }
  }

  public record Level(int position, String code, String name, BigDecimal allowancePercent, PayBand payBand, List<Criterion> criteria) {}

  public Optional<Level> level(String code) {
    return levels.stream().filter(l -> l.code().equals(code)).findFirst();
  }

  /** The level after {@code code}, empty at the top (or for a code not on this ladder). */
  public Optional<Level> next(String code) {
    for (int i = 0; i < levels.size() - 1; i++) {
      if (levels.get(i).code().equals(code)) {
        return Optional.of(levels.get(i + 1));
      }
    }
    return Optional.empty();
  }
}
