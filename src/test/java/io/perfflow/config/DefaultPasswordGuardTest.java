package io.perfflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Under the camunda profile, the documented demo passwords never work. */
class DefaultPasswordGuardTest {
  @Test
  void theDefaultPasswordsStopTheStartupWithAClearMessage() {
    assertThatThrownBy(() -> new DefaultPasswordGuard(true, false, "demo", "admin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PERFFLOW_DEMO_PASSWORD")
        .hasMessageContaining("PERFFLOW_DEMO_ADMIN_PASSWORD");
    assertThatThrownBy(() -> new DefaultPasswordGuard(true, false, "s3cret-demo", "admin"))
        .hasMessageContaining("PERFFLOW_DEMO_ADMIN_PASSWORD")
        .hasMessageNotContaining("(PERFFLOW_DEMO_PASSWORD)");
    assertThatThrownBy(() -> new DefaultPasswordGuard(true, false, "", "s3cret-admin")).hasMessageContaining("(PERFFLOW_DEMO_PASSWORD)");
  }

  @Test
  void ownPasswordsOrNoDemoCompanyStart() {
    assertThat(DefaultPasswordGuard.problems(true, "s3cret-demo", "s3cret-admin")).isEmpty();
    assertThat(DefaultPasswordGuard.problems(false, "demo", "admin")).isEmpty();
  }
}
