package io.perfflow.bonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfflow.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BonusAllocationTest {
  private static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal TEN = BigDecimal.TEN;

  private static BonusAllocation.Member m(String id, String total, String rating, String tenure, String level) {
    return new BonusAllocation.Member(id, 1L, new BigDecimal(total), rating, true, new BigDecimal(tenure), new BigDecimal(level));
  }

  private static BigDecimal sum(List<BonusAllocation.Share> shares) {
    return shares.stream().map(BonusAllocation.Share::share).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void thousandOverThreeEqualWeightsSumsToTheCent() {
    var shares = BonusAllocation.allocate(new BigDecimal("1000.00"),
        List.of(m("a", "80", "GOOD", "1", "1"), m("b", "80", "GOOD", "1", "1"), m("c", "80", "GOOD", "1", "1")), false);
    assertThat(shares).extracting(BonusAllocation.Share::share)
        .containsExactly(new BigDecimal("333.34"), new BigDecimal("333.33"), new BigDecimal("333.33"));
    assertThat(sum(shares)).isEqualByComparingTo("1000.00");
  }

  @Test
  void awkwardAmountsStillSumToTheCent() {
    var one = BonusAllocation.allocate(new BigDecimal("0.01"),
        List.of(m("a", "80", "GOOD", "1", "1"), m("b", "80", "GOOD", "1", "1"), m("c", "80", "GOOD", "1", "1")), false);
    assertThat(sum(one)).isEqualByComparingTo("0.01");
    assertThat(one).extracting(BonusAllocation.Share::share).containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00"));
    List<BonusAllocation.Member> seven = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) seven.add(m("m" + i, "77.7", "PASS", "1", "1"));
    var sevenths = BonusAllocation.allocate(new BigDecimal("100.00"), seven, false);
    assertThat(sum(sevenths)).isEqualByComparingTo("100.00");
    // 100 / 7 = 14.2857..: 7 x 14.28 = 99.96, the 4 cents left go one each to four of them (equal remainders)
    assertThat(sevenths).extracting(BonusAllocation.Share::share).filteredOn(v -> v.compareTo(new BigDecimal("14.29")) == 0).hasSize(4);
    assertThat(sevenths).extracting(BonusAllocation.Share::share).filteredOn(v -> v.compareTo(new BigDecimal("14.28")) == 0).hasSize(3);
    var big = BonusAllocation.allocate(new BigDecimal("999999999.99"),
        List.of(m("a", "99.99", "EXCELLENT", "1.3", "1.7"), m("b", "60.01", "PASS", "0.9", "1"), m("c", "0.01", "PASS", "1", "1")), false);
    assertThat(sum(big)).isEqualByComparingTo("999999999.99");
  }

  @Test
  void whenEveryoneFailsNobodyHasAShare() {
    var shares = BonusAllocation.allocate(new BigDecimal("500.00"), List.of(m("a", "40", "FAIL", "1", "1"), m("b", "55", "FAIL", "1", "1")), false);
    assertThat(shares).extracting(BonusAllocation.Share::share).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    assertThat(shares).extracting(BonusAllocation.Share::weight).allSatisfy(w -> assertThat(w).isEqualByComparingTo("0"));
  }

  @Test
  void weightIsFinalTotalTimesTenureTimesLevel() {
    var shares = BonusAllocation.allocate(new BigDecimal("777.77"),
        List.of(m("a", "90", "GOOD", "1.2", "1"), m("b", "85.5", "GOOD", "1", "1.1"), m("c", "61", "PASS", "1", "1")), false);
    assertThat(shares.get(0).weight()).isEqualByComparingTo("108"); // 90 x 1.2
    assertThat(shares.get(1).weight()).isEqualByComparingTo("94.05"); // 85.5 x 1.1
    assertThat(sum(shares)).isEqualByComparingTo("777.77");
    // 777.77 x 108 / 263.05 = 319.33.., 94.05 -> 278.08.., 61 -> 180.36..
    assertThat(shares).extracting(BonusAllocation.Share::share)
        .containsExactly(new BigDecimal("319.33"), new BigDecimal("278.08"), new BigDecimal("180.36"));
  }

  @Test
  void failGetsNothingUnlessThePolicySaysOtherwise() {
    List<BonusAllocation.Member> team = List.of(m("a", "90", "GOOD", "1", "1"), m("f", "45", "FAIL", "1", "1"));
    var strict = BonusAllocation.allocate(new BigDecimal("100"), team, false);
    assertThat(strict).extracting(BonusAllocation.Share::share).containsExactly(new BigDecimal("100.00"), new BigDecimal("0.00"));
    var lenient = BonusAllocation.allocate(new BigDecimal("100"), team, true);
    assertThat(lenient).extracting(BonusAllocation.Share::share).containsExactly(new BigDecimal("66.67"), new BigDecimal("33.33"));
  }

  @Test
  void theLeadMovesAtMostTenPercentNettingToZeroWithAComment() {
    Map<String, BigDecimal> shares = Map.of("a", new BigDecimal("333.34"), "b", new BigDecimal("333.33"), "c", new BigDecimal("333.33"));
    BigDecimal pool = new BigDecimal("1000.00");
    var ok = BonusAllocation.moves("a -60\nb: +40.00\n\nc=+20", "b carried the 11.11 rush", shares, pool, TEN);
    assertThat(ok).containsEntry("a", new BigDecimal("-60")).containsEntry("b", new BigDecimal("40.00"));
    // exactly 10 % is allowed, one cent more is not
    assertThat(BonusAllocation.moves("a -100\nb +100", "x", shares, pool, TEN)).hasSize(2);
    assertField(() -> BonusAllocation.moves("a -100.01\nb +100.01", "x", shares, pool, TEN), "moves", "more than 10 %");
    assertField(() -> BonusAllocation.moves("a -10\nb +20", "x", shares, pool, TEN), "moves", "net to 0");
    assertField(() -> BonusAllocation.moves("zed -10\nb +10", "x", shares, pool, TEN), "moves", "not a member");
    assertField(() -> BonusAllocation.moves("a -10\na +10", "x", shares, pool, TEN), "moves", "twice");
    assertField(() -> BonusAllocation.moves("a -1.005\nb +1.005", "x", shares, pool, TEN), "moves", "line 1");
    assertField(() -> BonusAllocation.moves("a -10\nb +10", " ", shares, pool, TEN), "leadComment", "required");
    assertThat(BonusAllocation.moves("  ", null, shares, pool, TEN)).isEmpty();
    Map<String, BigDecimal> small = Map.of("a", new BigDecimal("5"), "b", new BigDecimal("995"));
    assertField(() -> BonusAllocation.moves("a -10\nb +10", "x", small, pool, TEN), "moves", "less than 0");
    assertThat(BonusAllocation.moves("a -1\nb +1", "x", shares, pool, ONE)).hasSize(2);
  }

  private static void assertField(Runnable r, String field, String messagePart) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly(field);
      assertThat(e.getMessage()).contains(messagePart);
    });
  }
}
