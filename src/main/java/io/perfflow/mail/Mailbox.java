package io.perfflow.mail;

import java.util.List;
import java.util.Map;

/** The mail PerfFlow sent, where the runtime captures it (the embedded runtime); newest first. */
public interface Mailbox {
  List<Map<String, Object>> newestFirst(String to);
}
