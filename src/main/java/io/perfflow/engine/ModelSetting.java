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
public record ModelSetting(String file, String timerDefinitionId, String timeCycle) {}
