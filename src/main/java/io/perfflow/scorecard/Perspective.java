package io.perfflow.scorecard;

/**
 * The four perspectives of a balanced scorecard (article 004), in the order the review page and
 * the forms group KPI lines by. A KPI without a perspective is shown after them, ungrouped.
 */
public enum Perspective {
  FINANCIAL("Financial"),
  CUSTOMER("Customer"),
  INTERNAL_PROCESS("Internal process"),
  LEARNING_GROWTH("Learning & growth");

  private final String label;

  Perspective(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label of a stored perspective name, or null for none (or an unknown one). */
  public static String labelOf(String name) {
    if (name == null) {
      return null;
    }
    for (Perspective p : values()) {
      if (p.name().equals(name)) {
        return p.label;
      }
    }
    return null;
  }
}
