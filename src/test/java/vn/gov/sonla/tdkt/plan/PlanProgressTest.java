package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.plan.PlanProgress.Counts;
import vn.gov.sonla.tdkt.plan.PlanProgress.State;

/** The dashboard's states and counts, without Spring. */
class PlanProgressTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

  private static PlanStore.ItemStatus item(String section, int number, String lead, LocalDate due, String status,
      boolean overdue) {
    return new PlanStore.ItemStatus(section + "." + number, section, number, "Nội dung " + number, "05/2026", lead,
        "", "DOCUMENT", null, due, status, overdue, 0,
        "DONE".equals(status) ? OffsetDateTime.of(2026, 5, 1, 3, 0, 0, 0, ZoneOffset.UTC) : null,
        "DONE".equals(status) ? "home-affairs" : null, null);
  }

  @Test
  void doneBeatsOverdueAndAPassedDueDateMakesAnItemNotDoneOverdue() {
    LocalDate past = TODAY.minusDays(1);
    LocalDate future = TODAY.plusDays(1);
    assertThat(PlanProgress.state(item("I", 1, "Sở Nội vụ", past, "DONE", true), TODAY)).isEqualTo(State.DONE);
    assertThat(PlanProgress.state(item("I", 1, "Sở Nội vụ", past, "DONE", false), TODAY)).isEqualTo(State.DONE);
    assertThat(PlanProgress.state(item("I", 1, "Sở Nội vụ", future, "IN_PROGRESS", true), TODAY))
        .isEqualTo(State.OVERDUE);
    assertThat(PlanProgress.state(item("I", 1, "Sở Nội vụ", past, "IN_PROGRESS", false), TODAY))
        .isEqualTo(State.OVERDUE);
    assertThat(PlanProgress.state(item("I", 1, "Sở Nội vụ", past, "NOT_STARTED", false), TODAY))
        .isEqualTo(State.OVERDUE);
    // due today is not yet overdue
    assertThat(PlanProgress.state(item("I", 1, "Sở Nội vụ", TODAY, "IN_PROGRESS", false), TODAY))
        .isEqualTo(State.IN_PROGRESS);
    assertThat(PlanProgress.state(item("I", 1, "Sở Nội vụ", future, "NOT_STARTED", false), TODAY))
        .isEqualTo(State.NOT_STARTED);
    assertThat(PlanProgress.state(item("V", 1, "Sở Nội vụ", null, "IN_PROGRESS", false), TODAY))
        .isEqualTo(State.IN_PROGRESS);
    assertThat(State.OVERDUE.label()).isEqualTo("Quá hạn");
    assertThat(State.DONE.label()).isEqualTo("Hoàn thành");
    assertThat(State.IN_PROGRESS.label()).isEqualTo("Đang thực hiện");
    assertThat(State.NOT_STARTED.label()).isEqualTo("Chưa bắt đầu");
  }

  @Test
  void todayIsTheDateInVietnam() {
    // 2026-05-09T18:30Z is already 10 May in Hà Nội (UTC+7)
    Date evening = Date.from(OffsetDateTime.of(2026, 5, 9, 18, 30, 0, 0, ZoneOffset.UTC).toInstant());
    assertThat(PlanProgress.today(evening)).isEqualTo(TODAY);
  }

  @Test
  void countsPerQuarterAndPerLeadUnit() {
    PlanProgress progress = PlanProgress.of(List.of(
        item("I", 1, "Sở Nội vụ", TODAY.minusMonths(3), "DONE", true),
        item("I", 2, "Sở Nội vụ", TODAY.minusMonths(3), "IN_PROGRESS", false),
        item("II", 1, "sở  nội vụ.", TODAY.plusDays(20), "IN_PROGRESS", false),
        item("III", 1, "Văn phòng UBND tỉnh", TODAY.plusMonths(3), "NOT_STARTED", false),
        item("V", 1, "Văn phòng UBND tỉnh", null, "IN_PROGRESS", false)), TODAY);

    assertThat(progress.items()).extracting(PlanProgress.Item::state)
        .containsExactly(State.DONE, State.OVERDUE, State.IN_PROGRESS, State.NOT_STARTED, State.IN_PROGRESS);
    assertThat(progress.items().get(1).stateLabel()).isEqualTo("Quá hạn");

    Map<String, Counts> byQuarter = progress.byQuarter();
    assertThat(byQuarter).containsOnlyKeys("I", "II", "III", "IV", "V");
    assertThat(byQuarter.keySet()).containsExactly("I", "II", "III", "IV", "V");
    assertThat(byQuarter.get("I")).isEqualTo(new Counts("Quý I", 2, 1, 0, 1, 0));
    assertThat(byQuarter.get("II")).isEqualTo(new Counts("Quý II", 1, 0, 1, 0, 0));
    assertThat(byQuarter.get("III")).isEqualTo(new Counts("Quý III", 1, 0, 0, 0, 1));
    assertThat(byQuarter.get("IV")).isEqualTo(new Counts("Quý IV", 0, 0, 0, 0, 0));
    assertThat(byQuarter.get("V")).isEqualTo(new Counts("Thường xuyên", 1, 0, 1, 0, 0));

    Map<String, Counts> byUnit = progress.byUnit();
    assertThat(byUnit.keySet()).containsExactly("Sở Nội vụ", "Văn phòng UBND tỉnh");
    assertThat(byUnit.get("Sở Nội vụ")).isEqualTo(new Counts("Sở Nội vụ", 3, 1, 1, 1, 0));
    assertThat(byUnit.get("Văn phòng UBND tỉnh")).isEqualTo(new Counts("Văn phòng UBND tỉnh", 2, 0, 1, 0, 1));

    assertThat(progress.summary()).isEqualTo(new Counts("Tổng cộng", 5, 1, 2, 1, 1));
  }

  @Test
  void exportRowsFollowTheHeaderAndSpreadsheetFormulasAreNeutralised() {
    PlanProgress progress = PlanProgress.of(List.of(item("I", 1, "Sở Nội vụ", TODAY, "DONE", false)), TODAY);
    assertThat(PlanExport.rows(progress)).containsExactly(List.of("I.1", "Nội dung 1", "05/2026", "Sở Nội vụ", "",
        "10/05/2026", "Hoàn thành", "01/05/2026", ""));
    assertThat(PlanExport.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(PlanExport.neutralise("Sở Nội vụ")).isEqualTo("Sở Nội vụ");
  }
}
