package io.perfflow.review;

import java.util.List;

/**
 * A seam for process families: something they add to a review's body ({@code GET
 * /api/reviews/{id}}) as one top-level field, for example the customer-service attribution
 * behind the KPI lines or a team bonus share. The review family knows no contributor; each is a
 * bean of its own family.
 */
public interface ReviewAddendum {
  /** The field's name in the review's body (unique among the contributors). */
  String field();

  /** What to show for this review, or null when there is nothing (the field is then left out). */
  Object of(Review review, List<ReviewLine> lines);

  /**
   * The review page shows the field too when this names a template of the family's with a
   * fragment {@code addendum(value)} ({@code value}: what {@link #of} answered); null: API only.
   */
  default String pageTemplate() {
    return null;
  }
}
