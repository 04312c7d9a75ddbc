package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Due dates of the 24 items of the 2025 plan, one by one. */
class PlanScheduleTest {

  private final PlanSchedule schedule = new PlanSchedule();

  @Test
  void everyItemOfThe2025PlanHasItsDueDate() {
    Map<String, LocalDate> expected = new LinkedHashMap<>();
    expected.put("I.1", LocalDate.of(2025, 1, 31));    // 01/2025
    expected.put("I.2", LocalDate.of(2025, 1, 31));    // 01/2025
    expected.put("I.3", LocalDate.of(2025, 1, 31));    // 01/2025
    expected.put("I.4", LocalDate.of(2025, 1, 31));    // 01/2025
    expected.put("I.5", LocalDate.of(2025, 1, 31));    // 01/2025
    expected.put("I.6", LocalDate.of(2025, 3, 31));    // 03/2025
    expected.put("I.7", LocalDate.of(2025, 3, 31));    // 03/2025, council round 1
    expected.put("I.8", LocalDate.of(2025, 3, 31));    // 03/2025, State submission round 1
    expected.put("I.9", LocalDate.of(2025, 3, 31));    // 03/2025
    expected.put("II.1", LocalDate.of(2025, 4, 30));   // 04/2025
    expected.put("II.2", LocalDate.of(2025, 6, 30));   // 6/2025
    expected.put("II.3", LocalDate.of(2025, 6, 30));   // 6/2025
    expected.put("III.1", LocalDate.of(2025, 7, 31));  // 7/2025
    expected.put("III.2", LocalDate.of(2025, 7, 31));  // 7/2025
    expected.put("III.3", LocalDate.of(2025, 9, 30));  // 9/2025
    expected.put("III.4", LocalDate.of(2025, 9, 30));  // Trong quý III
    expected.put("IV.1", LocalDate.of(2025, 10, 31));  // 10/2025, council round 2
    expected.put("IV.2", LocalDate.of(2025, 10, 31));  // 10/2025, State submission round 2
    expected.put("IV.3", LocalDate.of(2025, 11, 30));  // 11/2025
    expected.put("IV.4", LocalDate.of(2025, 11, 30));  // 11/2025
    expected.put("IV.5", LocalDate.of(2025, 12, 31));  // 12/2025
    expected.put("IV.6", LocalDate.of(2025, 12, 31));  // 12/2025
    expected.put("V.1", LocalDate.of(2025, 12, 31));   // Thường xuyên
    expected.put("V.2", LocalDate.of(2025, 12, 31));   // Thường xuyên (no timing in the seed)

    Plan plan = PlanFixtures.plan2025();
    Map<String, LocalDate> actual = new LinkedHashMap<>();
    for (PlanItem item : plan.items()) {
      actual.put(item.key(), schedule.dueDate(item, plan.year()));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  private static PlanItem timed(String section, String timing) {
    return new PlanItem(1, section, 1, "x", timing, "Sở Nội vụ", List.of(), null, null);
  }

  @Test
  void quartersMonthsAndRecurring() {
    assertThat(schedule.dueDate(timed("I", "Trong quý I"), 2026)).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(schedule.dueDate(timed("II", "Trong quý II"), 2026)).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(schedule.dueDate(timed("III", "Trong quý III"), 2026)).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(schedule.dueDate(timed("IV", "Trong quý IV"), 2026)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(schedule.dueDate(timed("I", "2/2024"), 2024)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(schedule.dueDate(timed("I", "02/2025"), 2025)).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(schedule.dueDate(timed("V", "Thường xuyên"), 2026)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThatThrownBy(() -> schedule.dueDate(timed("I", "đầu năm"), 2025))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("đầu năm");
    assertThatThrownBy(() -> schedule.dueDate(timed("I", "13/2025"), 2025))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
