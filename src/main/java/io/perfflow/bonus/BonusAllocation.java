package io.perfflow.bonus;

import io.perfflow.InvalidInputException;
import io.perfflow.LargestRemainder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pure rules of a team bonus pool (no database, no engine). The allocation: weight = final
 * total × tenure factor × level factor (a FAIL rating or an unfinished review weighs 0 unless the
 * policy gives FAIL a share); share = amount × weight / Σ weights, in cents, rounded with the
 * largest-remainder rule so the shares sum exactly to the pool. The lead's moves: signed amounts
 * per member that net to zero and move at most a percentage of the pool.
 */
public final class BonusAllocation {
  private BonusAllocation() {}

  public record Member(
      String employeeId, Long reviewId, BigDecimal finalTotal, String rating, boolean completed, BigDecimal tenureFactor,
      BigDecimal levelFactor) {}

  public record Share(
      String employeeId, Long reviewId, BigDecimal finalTotal, String rating, BigDecimal tenureFactor, BigDecimal levelFactor,
      BigDecimal weight, BigDecimal share) {}

  public static List<Share> allocate(BigDecimal amount, List<Member> members, boolean failGetsShare) {
    List<BigDecimal> weights = new ArrayList<>();
    for (Member m : members) {
      boolean excluded = !m.completed() || m.finalTotal() == null || ("FAIL".equals(m.rating()) && !failGetsShare);
      BigDecimal w = excluded ? BigDecimal.ZERO
          : m.finalTotal().max(BigDecimal.ZERO).multiply(m.tenureFactor()).multiply(m.levelFactor());
      weights.add(w.setScale(4, RoundingMode.HALF_UP));
    }
    List<BigDecimal> shares = LargestRemainder.apportion(amount, weights, 2);
    List<Share> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      out.add(new Share(m.employeeId(), m.reviewId(), m.finalTotal(), m.rating(), m.tenureFactor(), m.levelFactor(), weights.get(i),
          shares.get(i)));
    }
    return out;
  }

  private static final Pattern MOVE = Pattern.compile("^\\s*([^\\s:=]+)\\s*[:=]?\\s*([+-]?\\d{1,10}(?:\\.\\d{1,2})?)\\s*$");
  public static final int MAX_MOVES_TEXT = 4000;

  /**
   * The lead's moves, one line per member: {@code employeeId +25.00} (or {@code employeeId:
   * -25}); blank lines are ignored. 400 naming {@code moves} for anything else: an unknown
   * member, a member twice, more than 2 decimals, moves that do not net to zero, more than
   * {@code maxPercent} % of the pool moved, a share below zero; {@code leadComment} when moves
   * come without a comment.
   */
  public static Map<String, BigDecimal> moves(
      String text, String comment, Map<String, BigDecimal> shares, BigDecimal amount, BigDecimal maxPercent) {
    Map<String, BigDecimal> moves = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return moves;
    }
    if (text.length() > MAX_MOVES_TEXT) {
      throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.movesLong", MAX_MOVES_TEXT));
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      Matcher m = MOVE.matcher(lines[i]);
      if (!m.matches()) {
        throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.moveSyntax", i + 1));
      }
      String who = m.group(1);
      if (!shares.containsKey(who)) {
        throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.notMember", i + 1, io.perfflow.Texts.excerpt(who)));
      }
      if (moves.put(who, new BigDecimal(m.group(2))) != null) {
        throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.movedTwice", i + 1, who));
      }
    }
    BigDecimal net = moves.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (net.signum() != 0) {
      throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.net", net.toPlainString()));
    }
    BigDecimal moved = moves.values().stream().filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal limit = amount.multiply(maxPercent).movePointLeft(2).setScale(2, RoundingMode.DOWN);
    if (moved.compareTo(limit) > 0) {
      throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.tooMuch", moved.toPlainString(), maxPercent.stripTrailingZeros().toPlainString(), limit.toPlainString()));
    }
    for (var e : moves.entrySet()) {
      if (shares.get(e.getKey()).add(e.getValue()).signum() < 0) {
        throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.belowZero", e.getKey()));
      }
    }
    if (moved.signum() > 0 && (comment == null || comment.isBlank())) {
      throw new InvalidInputException("leadComment", io.perfflow.Msg.of("bonus.error.commentRequired"));
    }
    return moves;
  }
}
