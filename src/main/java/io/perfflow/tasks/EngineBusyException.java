package io.perfflow.tasks;

/** The engine did not take or confirm a command in time: nothing changed, the caller may retry (503). */
public class EngineBusyException extends io.perfflow.LocalizedException {
  public EngineBusyException(io.perfflow.Msg text) {
    super(text);
  }
}
