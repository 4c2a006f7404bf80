package io.perfflow.bonus;

import io.perfflow.review.Review;
import io.perfflow.review.ReviewAddendum;
import io.perfflow.review.ReviewLine;
import java.util.List;
import org.springframework.stereotype.Component;

/** A review shows the employee's share of an approved team bonus pool of its period: field {@code teamBonus}. */
@Component
class BonusReviewAddendum implements ReviewAddendum {
  private final BonusPools pools;

  BonusReviewAddendum(BonusPools pools) {
    this.pools = pools;
  }

  @Override
  public String field() {
    return "teamBonus";
  }

  @Override
  public Object of(Review review, List<ReviewLine> lines) {
    return pools.resultOf(review.employeeId(), review.period()).orElse(null);
  }

  @Override
  public String pageTemplate() {
    return "bonus-review";
  }
}
