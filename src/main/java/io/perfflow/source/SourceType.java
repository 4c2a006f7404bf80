package io.perfflow.source;

/** The value types a source file's cells may have, each with the one text form accepted. */
public enum SourceType {
  TEXT("text"),
  INTEGER("whole number"),
  BIGINT("whole number (64-bit id)"),
  DECIMAL("decimal number, plain notation (no exponent)"),
  BOOLEAN("true or false"),
  DATE("date YYYY-MM-DD"),
  TIMESTAMP("local date-time YYYY-MM-DDTHH:MM[:SS] (company time, no zone)"),
  ENUM("one of the listed values"),
  PERIOD("month YYYY-MM");

  private final String form;

  SourceType(String form) {
    this.form = form;
  }

  public String form() {
    return form;
  }
}
