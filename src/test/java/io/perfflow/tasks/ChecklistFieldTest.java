package io.perfflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A checklist (multi-select) form field, on the real forms/stress-interview.form: a list of the
 * field's values, each once; nothing chosen is an empty list; requiredWhen holds when the value is
 * among those chosen.
 */
class ChecklistFieldTest {
  private final Forms forms = new Forms(new ObjectMapper());

  private static Map<String, Object> interview(Object interventions, Object... more) {
    Map<String, Object> v = new HashMap<>();
    v.put("notes", "n");
    v.put("interventions", interventions);
    for (int i = 0; i + 1 < more.length; i += 2) {
      v.put((String) more[i], more[i + 1]);
    }
    return v;
  }

  private String badField(Map<String, Object> submitted) {
    try {
      forms.validate("stress-interview", submitted);
    } catch (InvalidInputException e) {
      return e.errors().get(0).field() + ": " + e.errors().get(0).message();
    }
    throw new AssertionError("accepted " + submitted);
  }

  @Test
  void aListOfKnownValuesIsAcceptedAndNothingChosenIsAnEmptyList() {
    assertThat(forms.validate("stress-interview", interview(List.of("COUNSELLING", "TARGETED_TRAINING"), "course", "Time management")))
        .containsEntry("interventions", List.of("COUNSELLING", "TARGETED_TRAINING"));
    assertThat(forms.validate("stress-interview", interview(List.of()))).containsEntry("interventions", List.of());
  }

  @Test
  void unknownRepeatedOrNonListValuesAreRefusedNamingTheField() {
    assertThat(badField(interview(List.of("HOLIDAY")))).startsWith("interventions:");
    assertThat(badField(interview(List.of("COUNSELLING", "COUNSELLING")))).startsWith("interventions:").contains("twice");
    assertThat(badField(interview("COUNSELLING"))).startsWith("interventions:").contains("list");
    assertThat(badField(interview(List.of(7)))).startsWith("interventions:");
  }

  @Test
  void aFieldRequiredWhenAValueIsChosenIsRequiredThenOnly() {
    assertThat(badField(interview(List.of("REBALANCE_WORKLOAD")))).startsWith("targetHours:");
    assertThat(badField(interview(List.of("OTHER", "COUNSELLING")))).startsWith("otherText:");
    assertThat(forms.validate("stress-interview", interview(List.of("REBALANCE_WORKLOAD"), "targetHours", 40))).containsEntry("targetHours", 40L);
    assertThat(badField(interview(List.of("REBALANCE_WORKLOAD"), "targetHours", 5))).startsWith("targetHours:");
    assertThat(Forms.holds("interventions = OTHER", Map.of("interventions", List.of("OTHER")))).isTrue();
    assertThat(Forms.holds("interventions = OTHER", Map.of("interventions", List.of("COUNSELLING")))).isFalse();
    assertThatThrownBy(() -> forms.validate("stress-interview", Map.of("interventions", List.of()))).isInstanceOf(InvalidInputException.class);
  }
}
