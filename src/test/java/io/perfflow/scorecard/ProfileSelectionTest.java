package io.perfflow.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfflow.InvalidInputException;
import io.perfflow.support.EmbeddedPerfFlowTest;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which weight profile applies: the store's stage for customer service (months 1–3, 4–6, 7+),
 * the peak-season calendar for the others, else normal (REFERENCE.md §1).
 */
@EmbeddedPerfFlowTest
class ProfileSelectionTest {
  @Autowired Scorecards scorecards;

  @Test
  void customerServiceFollowsTheAgeOfTheStore() {
    // S-VIP-NEW opened 2026-09: October is its 2nd month, December its 4th.
    assertThat(scorecards.selectProfile("customer-service", "S-VIP-NEW", YearMonth.of(2026, 9))).isEqualTo("store-stage-1");
    assertThat(scorecards.selectProfile("customer-service", "S-VIP-NEW", YearMonth.of(2026, 11))).isEqualTo("store-stage-1");
    assertThat(scorecards.selectProfile("customer-service", "S-VIP-NEW", YearMonth.of(2026, 12))).isEqualTo("store-stage-2");
    // S-VIP-MID opened 2026-06: October is month 5; S-JD-1 (2024) is long established.
    assertThat(scorecards.selectProfile("customer-service", "S-VIP-MID", YearMonth.of(2026, 10))).isEqualTo("store-stage-2");
    assertThat(scorecards.selectProfile("customer-service", "S-VIP-MID", YearMonth.of(2026, 12))).isEqualTo("store-stage-3");
    assertThat(scorecards.selectProfile("customer-service", "S-JD-1", YearMonth.of(2026, 10))).isEqualTo("store-stage-3");
    // An agent without a store gets the default weights.
    assertThat(scorecards.selectProfile("customer-service", null, YearMonth.of(2026, 10))).isEqualTo("normal");
  }

  @Test
  void peakSeasonsSwitchTheWeightsOfRolesThatHaveAPeakProfile() {
    assertThat(scorecards.selectProfile("operations", "S-WISH-1", YearMonth.of(2026, 10))).isEqualTo("normal");
    assertThat(scorecards.selectProfile("operations", "S-WISH-1", YearMonth.of(2026, 11))).isEqualTo("peak-season");
    assertThat(scorecards.selectProfile("procurement", null, YearMonth.of(2025, 12))).isEqualTo("peak-season");
    assertThat(scorecards.selectProfile("procurement", null, YearMonth.of(2026, 1))).isEqualTo("normal");
  }

  @Test
  void aRoleWithoutANormalProfileCannotBeReviewed() {
    assertThatThrownBy(() -> scorecards.selectProfile("astronaut", null, YearMonth.of(2026, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("astronaut");
  }

  @Test
  void newHiresAreScoredWithTheirRolesNewHireProfileForSixMonths() {
    java.time.LocalDate hired = java.time.LocalDate.of(2026, 5, 20);
    // Hired in May: October is 5 whole months later (new), November 6 (not any more).
    assertThat(scorecards.selectProfile("operations", "S-WISH-1", hired, YearMonth.of(2026, 5))).isEqualTo("new-hire");
    assertThat(scorecards.selectProfile("operations", "S-WISH-1", hired, YearMonth.of(2026, 10))).isEqualTo("new-hire");
    assertThat(scorecards.selectProfile("operations", "S-WISH-1", hired, YearMonth.of(2026, 11))).isEqualTo("peak-season");
    assertThat(scorecards.selectProfile("operations", "S-WISH-1", hired, YearMonth.of(2027, 1))).isEqualTo("normal");
    // A role without a new-hire profile keeps its rules.
    assertThat(scorecards.selectProfile("procurement", null, hired, YearMonth.of(2026, 6))).isEqualTo("normal");
    assertThat(scorecards.selectProfile("customer-service", "S-VIP-NEW", hired, YearMonth.of(2026, 9))).isEqualTo("store-stage-1");
  }
}
