package io.perfflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  @Test
  void monthsStayStrict() {
    assertTrue(Periods.isValid("2026-10"));
    for (String bad : new String[] {"+12026-01", "-0001-01", "2026-13", "2026-1", "26-01", "2026-W44", null}) {
      assertFalse(Periods.isValid(bad), String.valueOf(bad));
    }
    assertEquals(YearMonth.of(2026, 10), Periods.parse("period", "2026-10"));
  }

  @Test
  void weeksAreIsoWeeksWithFourDigitYears() {
    assertTrue(Periods.isValidWeek("2026-W44"));
    assertTrue(Periods.isValidWeek("2026-W01"));
    assertTrue(Periods.isValidWeek("2026-W53"), "2026 starts on a Thursday: it has 53 weeks");
    assertFalse(Periods.isValidWeek("2025-W53"), "2025 has 52 weeks");
    for (String bad : new String[] {"2026-W00", "2026-W54", "2026-W4", "2026W44", "+12026-W01", "2026-w44", "2026-44", "2026-W44 ", null}) {
      assertFalse(Periods.isValidWeek(bad), String.valueOf(bad));
    }
    assertTrue(Periods.isValidMonthOrWeek("2026-10"));
    assertTrue(Periods.isValidMonthOrWeek("2026-W44"));
    assertFalse(Periods.isValidMonthOrWeek("2026-W54"));
  }

  @Test
  void aWeekRunsFromItsMondayAndBelongsToTheMonthOfItsThursday() {
    assertEquals(LocalDate.of(2026, 10, 26), Periods.mondayOf("2026-W44"));
    assertEquals(LocalDate.of(2025, 12, 29), Periods.mondayOf("2026-W01"));
    assertEquals(LocalDate.of(2026, 12, 28), Periods.mondayOf("2026-W53"));
    assertEquals("2026-W44", Periods.weekOf(LocalDate.of(2026, 11, 1)), "Sunday is the week's last day");
    assertEquals("2026-W45", Periods.weekOf(LocalDate.of(2026, 11, 2)));
    assertEquals("2025-W01", Periods.weekOf(LocalDate.of(2024, 12, 31)));
    assertEquals("2026-W53", Periods.weekOf(LocalDate.of(2027, 1, 3)));
    // 2026-W44 is Mon 26 Oct .. Sun 1 Nov: Thursday 29 Oct, so October.
    assertEquals(YearMonth.of(2026, 10), Periods.monthOfWeek("2026-W44"));
    // 2026-W01 starts in December 2025; its Thursday is 1 Jan 2026.
    assertEquals(YearMonth.of(2026, 1), Periods.monthOfWeek("2026-W01"));
  }

  @Test
  void aBadWeekIsA400NamingTheField() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Periods.parseWeek("week", "2025-W53"));
    assertEquals("week", e.errors().get(0).field());
    assertThrows(InvalidInputException.class, () -> Periods.parseWeek("week", ""));
    assertThrows(IllegalArgumentException.class, () -> Periods.mondayOf("2026-13"));
    assertEquals(LocalDate.of(2026, 10, 26), Periods.parseWeek("week", "2026-W44"));
  }
}
