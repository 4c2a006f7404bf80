package io.perfflow.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.CompanyTime;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * A plan week begins on Monday 00:00 in the company time zone (Asia/Shanghai = UTC+8): Sunday
 * 23:30 UTC is already Monday 07:30 there, so "the current week" is the new one, and the week's
 * reminder, mid-week check and end are company times.
 */
class WeekInCompanyTimeTest {
  static final CompanyTime SHANGHAI = new CompanyTime("Asia/Shanghai");

  @Test
  void sundayEveningUtcIsAlreadyNextWeekInShanghai() {
    Instant sundayLate = Instant.parse("2026-12-06T23:30:00Z"); // Sunday in UTC, Monday 07:30 in Shanghai
    assertThat(SHANGHAI.week(sundayLate)).isEqualTo("2026-W50");
    assertThat(new CompanyTime("UTC").week(sundayLate)).isEqualTo("2026-W49");
    // 15:59 UTC on Sunday is 23:59 in Shanghai: still the old week
    assertThat(SHANGHAI.week(Instant.parse("2026-12-06T15:59:00Z"))).isEqualTo("2026-W49");
  }

  @Test
  void theWeeksTimetableIsInCompanyTime() {
    WeeklyPlanWorkflow.WeekSchedule w = WeeklyPlanWorkflow.timetable("2026-W50", LocalTime.NOON, SHANGHAI, false);
    assertThat(w.reminderAt()).isEqualTo("2026-12-07T04:00:00Z"); // Monday 12:00 in Shanghai
    assertThat(w.midweekAt()).isEqualTo("2026-12-09T16:00:00Z"); // Thursday 00:00
    assertThat(w.weekEndAt()).isEqualTo("2026-12-13T16:00:00Z"); // next Monday 00:00
  }

  @Test
  void theWeekStartsOnMondayMidnightInCompanyTime() {
    // Sunday 15:59 UTC (23:59 in Shanghai): the next start is in one minute
    assertThat(PlanProcesses.weekStartCycle(SHANGHAI, Instant.parse("2026-12-06T15:59:00Z")))
        .isEqualTo("R/2026-12-07T00:00:00+08:00/P7D");
    // Sunday 23:30 UTC is Monday 07:30 in Shanghai: this week's start has passed, the next is a week later
    assertThat(PlanProcesses.weekStartCycle(SHANGHAI, Instant.parse("2026-12-06T23:30:00Z")))
        .isEqualTo("R/2026-12-14T00:00:00+08:00/P7D");
    // With daylight saving the smaller offset: 00:00 in winter, 01:00 in summer, never Sunday evening
    assertThat(PlanProcesses.weekStartCycle(new CompanyTime("Europe/Berlin"), Instant.parse("2026-07-01T12:00:00Z")))
        .isEqualTo("R/2026-07-06T00:00:00+01:00/P7D");
    assertThat(PlanProcesses.weekStartCycle(new CompanyTime("Europe/Berlin"), Instant.parse("2026-12-01T12:00:00Z")))
        .isEqualTo("R/2026-12-07T00:00:00+01:00/P7D");
  }
}
