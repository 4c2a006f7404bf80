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
