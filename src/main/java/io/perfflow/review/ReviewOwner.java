package io.perfflow.review;

import io.perfflow.access.SubjectOwner;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A review is about its employee; the manager review, approvals and HR's decision decide it. */
@Component
class ReviewOwner implements SubjectOwner {
  private final Reviews reviews;

  ReviewOwner(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public String subjectType() {
    return ReviewProcesses.REVIEW;
  }

  @Override
  public io.perfflow.Localizable noun() {
    return io.perfflow.Msg.of("review.noun");
  }

  @Override
  public Set<String> decidingTasks() {
    // approve-review also serves the HR calibration (candidate group hr).
    return Set.of("manager-review", "approve-review", "hr-decision");
  }

  @Override
  public Optional<String> ownerOf(long subjectId) {
    return reviews.find(subjectId).map(Review::employeeId);
  }
}
