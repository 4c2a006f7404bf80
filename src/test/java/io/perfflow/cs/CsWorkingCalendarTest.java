package io.perfflow.cs;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.metrics.TestDatabase;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The last working day of the week (the daily feedback names the week's top performers then):
 * Friday in the usual week; the day before a Friday holiday; a worked Saturday; none in a week
 * without a working day. The rule, and the calendar read from its table (V122).
 */
class CsWorkingCalendarTest {
  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void theUsualWeekEndsOnFriday() {
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-16"), Map.of())).isTrue(); // a Friday
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-15"), Map.of())).isFalse();
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-17"), Map.of())).as("Saturday is no working day").isFalse();
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-18"), Map.of())).isFalse();
  }

  @Test
  void holidaysAndWorkedWeekendDaysMoveIt() {
    // Friday 2026-10-02 a holiday (and Thursday too): Wednesday is the week's last working day
    Map<LocalDate, Boolean> goldenWeek = Map.of(d("2026-10-01"), false, d("2026-10-02"), false);
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-09-30"), goldenWeek)).isTrue();
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-02"), goldenWeek)).isFalse();
    // a Saturday worked instead: Saturday, not Friday
    Map<LocalDate, Boolean> workedSaturday = Map.of(d("2026-10-10"), true);
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-09"), workedSaturday)).isFalse();
    assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-10"), workedSaturday)).isTrue();
    // a week off: no day is its last working day
    Map<LocalDate, Boolean> weekOff = new java.util.HashMap<>();
    for (int i = 0; i < 5; i++) weekOff.put(d("2026-10-05").plusDays(i), false);
    for (int i = 0; i < 7; i++) assertThat(CsWorkingCalendar.isLastWorkingDay(d("2026-10-05").plusDays(i), weekOff)).isFalse();
  }

  @Test
  void theCalendarIsData() {
    TestDatabase db = TestDatabase.fresh().withAppSearchPath();
    CsWorkingCalendar calendar = new CsWorkingCalendar(db.jdbc);
    assertThat(calendar.isLastWorkingDayOfWeek(d("2031-05-02"))).as("no row: Friday").isTrue();
    db.jdbc.sql("INSERT INTO perfflow.cs_calendar_day (day, working, note) VALUES ('2031-05-01', false, 'Labour Day'), ('2031-05-02', false, 'Labour Day')")
        .update();
    assertThat(calendar.isLastWorkingDayOfWeek(d("2031-05-02"))).isFalse();
    assertThat(calendar.isLastWorkingDayOfWeek(d("2031-04-30"))).isTrue(); // Wednesday
    assertThat(calendar.isLastWorkingDayOfWeek(d("2031-05-09"))).as("the next week is the usual one").isTrue();
  }
}
