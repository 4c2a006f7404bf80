package io.perfflow.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one parser of date-times the engine hands out: FEEL's {@code now()} and user-task due dates
 * are zoned ({@code 2026-11-24T23:48:49.011Z[Etc/UTC]}), some come as offset date-times or instants.
 */
public final class EngineTime {
  private EngineTime() {}

  /** Null or blank is null; anything that is not a date-time is an IllegalArgumentException naming it. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text).toInstant();
    } catch (DateTimeParseException zoned) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException offset) {
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("Not a date-time: '" + text + "'", e);
        }
      }
    }
  }
}
