package io.perfflow.engine;

/**
 * What a process family does when the engine lost its running process instances (the embedded
 * engine started without its data: none configured, or removed or unreadable): mark its subjects
 * INTERRUPTED, or let them start again. Contributed as a bean; run once at startup by the embedded
 * runtime, only when the engine did not bring its instances back.
 */
public interface LostInstancesRecovery {
  /**
   * Recovers; returns how many of the family's subjects it concerned.
   *
   * @param why a sentence saying why the instances were lost, for the subjects' reason
   */
  int recover(String why);

  /** For the log: what {@link #recover(String)} counted, e.g. "in-flight reviews INTERRUPTED". */
  String describe();
}
