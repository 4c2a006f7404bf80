package io.perfflow.engine;

/**
 * What a process family does when the engine lost its running process instances (the embedded
 * engine keeps them in memory only, so a restart loses them): mark its subjects INTERRUPTED, or
 * let them start again. Contributed as a bean; run once at startup by the embedded runtime.
 */
public interface LostInstancesRecovery {
  /** Recovers; returns how many of the family's subjects it concerned. */
  int recover();

  /** For the log: what {@link #recover()} counted, e.g. "in-flight reviews INTERRUPTED". */
  String describe();
}
