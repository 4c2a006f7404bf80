package io.perfflow.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Attendance and the LMS: working hours, leave days and monthly training progress snapshots.
 * Otto's stressed months (2026-08 to 2026-10) show 50+ hour weeks with Saturday work and more
 * than 3 leave days a month; his basic course stays under 70 %.
 */
final class DemoWorkforceSimulation {
  static final String INSERT_ATTENDANCE = "INSERT INTO source.attendance (employee_id, day, hours, leave_day, leave_days) VALUES (?, ?, ?, ?, ?)";
  static final String INSERT_TRAINING =
      "INSERT INTO source.training_progress (employee_id, course, percent, updated_on) VALUES (?, ?, ?, ?)";

  /** A course and an employee's completion at the first and the last demo month. */
  private record Course(String name, double startPercent, double endPercent) {}

  private static final Map<String, List<Course>> COURSES = Map.ofEntries(
      Map.entry("oscar", List.of(new Course("operations-basic", 100, 100), new Course("operations-advanced", 60, 100), new Course("operations-senior", 0, 40))),
      Map.entry("owen", List.of(new Course("operations-basic", 100, 100), new Course("operations-advanced", 90, 100), new Course("operations-senior", 40, 100))),
      Map.entry("opal", List.of(new Course("operations-basic", 90, 100), new Course("operations-advanced", 30, 85))),
      Map.entry("otto", List.of(new Course("operations-basic", 35, 62))),
      Map.entry("priya", List.of(new Course("procurement-negotiation", 80, 100), new Course("procurement-supplier-quality", 50, 100))),
      Map.entry("pedro", List.of(new Course("procurement-negotiation", 40, 90), new Course("procurement-supplier-quality", 20, 70))),
      Map.entry("petra", List.of(new Course("procurement-negotiation", 10, 55))),
      Map.entry("carl", List.of(new Course("cs-basics", 100, 100), new Course("cs-conversion", 40, 95))),
      Map.entry("chen", List.of(new Course("cs-basics", 80, 100), new Course("cs-conversion", 10, 60))),
      Map.entry("cruz", List.of(new Course("cs-basics", 0, 90))),
      Map.entry("cleo", List.of(new Course("cs-basics", 0, 45))));

  private final Random random;
  private final DemoRows rows;

  DemoWorkforceSimulation(Random random, DemoRows rows) {
    this.random = random;
    this.rows = rows;
  }

  void simulate(DemoCompany.DemoEmployee employee, YearMonth first, YearMonth last) {
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      addAttendance(employee, month);
    }
    addTraining(employee, first, last);
  }

  private void addAttendance(DemoCompany.DemoEmployee employee, YearMonth month) {
    boolean stressed = DemoPerformance.isStressed(employee.id(), month);
    List<LocalDate> workdays = new ArrayList<>();
    for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
      boolean weekday = day.getDayOfWeek().getValue() <= 5;
      boolean workingSaturday = stressed && day.getDayOfWeek() == DayOfWeek.SATURDAY;
      if (!day.isBefore(employee.hiredOn()) && (weekday || workingSaturday)) {
        workdays.add(day);
      }
    }
    Set<LocalDate> leave = new HashSet<>();
    int leaveDays = stressed ? 4 : (random.nextDouble() < 0.75 ? 1 : 0);
    for (int i = 0; i < leaveDays && !workdays.isEmpty(); i++) {
      leave.add(workdays.get(random.nextInt(workdays.size())));
    }
    for (LocalDate day : workdays) {
      boolean onLeave = leave.contains(day);
      double hours = onLeave ? 0 : day.getDayOfWeek() == DayOfWeek.SATURDAY ? 6 : (stressed ? 10.8 : 8.0) + 0.5 * random.nextGaussian();
      rows.add(INSERT_ATTENDANCE, employee.id(), day, BigDecimal.valueOf(Math.max(0, hours)).setScale(1, RoundingMode.HALF_UP), onLeave, onLeave ? 1 : 0);
    }
  }

  // A snapshot at the end of every month, growing from the start to the end percentage.
  private void addTraining(DemoCompany.DemoEmployee employee, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS);
    for (Course course : COURSES.getOrDefault(employee.id(), List.of())) {
      int i = 0;
      for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1), i++) {
        double percent = course.startPercent() + (course.endPercent() - course.startPercent()) * i / Math.max(1, months);
        rows.add(INSERT_TRAINING, employee.id(), course.name(),
            BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP), month.atEndOfMonth());
      }
    }
  }
}
