package io.perfflow;

/** Small helpers for echoing input back in error messages without echoing megabytes. */
public final class Texts {
  private Texts() {}

  /** At most 60 characters of {@code text}, NULs shown as \0. */
  public static String excerpt(Object value) {
    String text = String.valueOf(value).replace("\u0000", "\\0");
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
