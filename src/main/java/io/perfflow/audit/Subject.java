package io.perfflow.audit;

import java.util.Objects;

/**
 * What a task, a mail or an audit event is about: a review, a review cycle, a supplier-delay
 * case, ... The generic packages store and filter by it; the type names belong to the process
 * family that owns the subject ({@code review}, {@code cycle}, {@code supplier-delay-case}).
 */
public record Subject(String type, long id) {
  public Subject {
    Objects.requireNonNull(type, "type");
    if (!type.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("Bad subject type '" + type + "'");
    }
  }

  public static Subject of(String type, Long id) {
    return type == null || id == null ? null : new Subject(type, id);
  }

  public boolean is(String type) {
    return this.type.equals(type);
  }

  @Override
  public String toString() {
    return type + ":" + id;
  }
}
