package io.perfflow.engine;

/**
 * A value a process family writes into one of its models when the model is deployed, for what
 * the model cannot read from process variables: the time cycle of a timer start event (a start
 * event has no instance yet). Contributed as a bean; applied by {@link ModelSettings} in both
 * runtimes' deployers.
 *
 * @param file the model's file name in {@code processes/} (e.g. {@code supplier-delay-scan.bpmn})
 * @param timerDefinitionId the id of the timer event definition whose time cycle is set
 * @param timeCycle the ISO-8601 repeating interval or cron expression to set
 */
public record ModelSetting(String file, String timerDefinitionId, String timeCycle) {

  /**
   * {@code R/<the next first of a month at time, company time, with its UTC offset>/P1M}: a timer
   * on the 1st of every month at {@code time} in the company's time zone (a cron expression would
   * be read in the engine JVM's zone). Zeebe adds the month to the due date in that offset, so the
   * timer stays on the 1st; a zone with daylight saving gets the smaller of its offsets around the
   * start (the timer fires at {@code time} or an hour later, never the evening before).
   * PerfFlow writes it at every deployment, so a new start realigns it.
   */
  public static String monthlyCycle(io.perfflow.CompanyTime companyTime, java.time.LocalTime time, java.time.Instant now) {
    java.time.LocalDate first = companyTime.today(now).withDayOfMonth(1);
    if (!companyTime.instant(first, time).isAfter(now)) {
      first = first.plusMonths(1);
    }
    java.time.zone.ZoneRules rules = companyTime.zone().getRules();
    java.time.ZoneOffset at = rules.getOffset(companyTime.instant(first, time));
    java.time.ZoneOffset halfYearOn = rules.getOffset(companyTime.instant(first.plusMonths(6), time));
    java.time.ZoneOffset offset = at.getTotalSeconds() <= halfYearOn.getTotalSeconds() ? at : halfYearOn;
    return "R/" + first.atTime(time).atOffset(offset).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1M";
  }

  /** A time of day a company configures ({@code property}, {@code HH:mm}); fails at startup naming it. */
  public static java.time.LocalTime timeOfDay(String property, String value) {
    try {
      return java.time.LocalTime.parse(value == null ? "" : value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(property + ": not a time HH:mm: '" + value + "'", e);
    }
  }

  /**
   * The time cycle for an interval a company configures ({@code property}): an ISO-8601 duration
   * ({@code example}, made a repeating interval), a repeating interval ({@code R/…}) or a 6-field
   * cron expression. Fails at startup, naming the property, on anything else.
   */
  public static String intervalCycle(String property, String interval, String example) {
    String v = interval == null ? "" : interval.trim();
    try {
      if (v.startsWith("R")) {
        java.time.Duration.parse(v.substring(v.indexOf('/') + 1));
        return v;
      }
      if (v.startsWith("P")) {
        java.time.Duration.parse(v);
        return "R/" + v;
      }
    } catch (java.time.format.DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(property + ": not an ISO-8601 duration: '" + interval + "'", e);
    }
    if (v.split("\\s+").length == 6) {
      return v;
    }
    throw new IllegalArgumentException(property + " must be a duration (" + example + "), a repeating interval (R/" + example
        + ") or a 6-field cron expression, got '" + interval + "'");
  }
}
