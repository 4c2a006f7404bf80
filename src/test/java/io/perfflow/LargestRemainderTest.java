package io.perfflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {
  private static List<BigDecimal> d(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void thousandOverThreeEqualWeightsSumsToTheCent() {
    List<BigDecimal> shares = LargestRemainder.apportion(new BigDecimal("1000.00"), d("1", "1", "1"), 2);
    assertThat(shares).containsExactly(new BigDecimal("333.34"), new BigDecimal("333.33"), new BigDecimal("333.33"));
    assertThat(sum(shares)).isEqualByComparingTo("1000.00");
  }

  @Test
  void theLargestRemaindersGetTheMissingCents() {
    // 100 over 1:2:3 = 16.666.., 33.333.., 50 -> floors 16.66, 33.33, 50.00 (99.99); 16.66 has the largest remainder
    assertThat(LargestRemainder.apportion(new BigDecimal("100"), d("1", "2", "3"), 2))
        .containsExactly(new BigDecimal("16.67"), new BigDecimal("33.33"), new BigDecimal("50.00"));
    // awkward amounts and weights always sum to the pool
    List<BigDecimal> shares = LargestRemainder.apportion(new BigDecimal("999.99"), d("87.5", "91.25", "64.1", "0", "100"), 2);
    assertThat(sum(shares)).isEqualByComparingTo("999.99");
    assertThat(shares.get(3)).isEqualByComparingTo("0");
    assertThat(sum(LargestRemainder.apportion(new BigDecimal("0.01"), d("1", "1", "1"), 2))).isEqualByComparingTo("0.01");
  }

  @Test
  void zeroWeightsGetNothingAndNegativeWeightsAreRefused() {
    assertThat(LargestRemainder.apportion(new BigDecimal("10"), d("0", "0"), 2)).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    assertThatThrownBy(() -> LargestRemainder.apportion(BigDecimal.TEN, d("1", "-1"), 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundKeepsAKnownSum() {
    assertThat(LargestRemainder.round(d("2.33333", "2.33333", "0.33334"), new BigDecimal("5"), 4))
        .containsExactly(new BigDecimal("2.3333"), new BigDecimal("2.3333"), new BigDecimal("0.3334"));
    // 7/3, 7/3, 1/3 to 8 decimals: equal remainders, the earlier part gets the missing unit
    List<BigDecimal> r = LargestRemainder.round(d("2.33333333", "2.33333333", "0.33333333"), new BigDecimal("5"), 4);
    assertThat(r).containsExactly(new BigDecimal("2.3334"), new BigDecimal("2.3333"), new BigDecimal("0.3333"));
  }
}
