package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The shipped plan-2025.yaml against the appendix of the seed Kế hoạch 01/KH-UBND (a read-only copy beside the
 * clone: ../shared/seed/plan-01-KH-UBND-2025.txt), item by item.
 */
class PlanTranscriptionTest {

  static final Path SEED = Path.of("..", "shared", "seed", "plan-01-KH-UBND-2025.txt");
  private static final List<String> SECTIONS = List.of("I", "II", "III", "IV", "V");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern TIMING = Pattern.compile("\\d{1,2}/\\d{4}|Trong quý (I|II|III|IV)|Thường xuyên");

  /** One row of the seed's appendix; timing null where the seed gives none. */
  record SeedItem(String section, int number, String content, String timing, String lead, List<String> coordinating) {
    String key() {
      return section + "." + number;
    }
  }

  /** A coordinating-units cell (possibly several "- …;" lines joined by a space) split on ';'. */
  static List<String> splitUnits(String cell) {
    return Arrays.stream(cell.split(";")).map(String::strip).map(s -> s.replaceFirst("^-\\s*", "").strip())
        .filter(s -> !s.isEmpty()).toList();
  }

  static List<SeedItem> seedAppendix() throws IOException {
    if (!Files.isRegularFile(SEED)) {
      fail("The seed plan is missing: expected " + SEED.toAbsolutePath().normalize()
          + " (a read-only copy of shared/seed beside the repository clone)");
    }
    List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
    int i = lines.indexOf("PHỤ LỤC");
    assertThat(i).as("the seed's appendix (PHỤ LỤC)").isNotNegative();
    i = lines.subList(i, lines.size()).indexOf("ĐƠN VỊ PHỐI HỢP") + i + 1;
    List<SeedItem> items = new ArrayList<>();
    String section = null;
    while (i < lines.size() && !lines.get(i).isBlank()) {
      String line = lines.get(i);
      if (SECTIONS.contains(line) && lines.get(i + 1).startsWith("Nhiệm vụ")) {
        section = line;
        i += 2;
        continue;
      }
      assertThat(line).as("line %d of the seed: an item number", i + 1).matches(NUMBER);
      int number = Integer.parseInt(line);
      String content = lines.get(i + 1);
      i += 2;
      String timing = null;
      if (TIMING.matcher(lines.get(i)).matches()) {
        timing = lines.get(i++);
      }
      String lead = lines.get(i++);
      List<String> cell = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).isBlank() && !NUMBER.matcher(lines.get(i)).matches()
          && !SECTIONS.contains(lines.get(i))) {
        cell.add(lines.get(i++));
      }
      items.add(new SeedItem(section, number, content, timing, lead, splitUnits(String.join(" ", cell))));
    }
    return items;
  }

  @Test
  void theSeedAppendixHas24Items() throws IOException {
    // 9 in quarter I, 3 in II, 4 in III, 6 in IV, 2 recurring
    assertThat(seedAppendix()).extracting(SeedItem::key).containsExactly(
        "I.1", "I.2", "I.3", "I.4", "I.5", "I.6", "I.7", "I.8", "I.9", "II.1", "II.2", "II.3",
        "III.1", "III.2", "III.3", "III.4", "IV.1", "IV.2", "IV.3", "IV.4", "IV.5", "IV.6", "V.1", "V.2");
  }

  @Test
  void thePlanFileHoldsTheAppendixItemByItem() throws IOException {
    List<SeedItem> seed = seedAppendix();
    Plan plan = PlanFixtures.plan2025();

    assertThat(plan.year()).isEqualTo(2025);
    assertThat(plan.number()).isEqualTo("01/KH-UBND");
    assertThat(plan.issuedOn()).isEqualTo("2025-01-02");
    assertThat(plan.title()).isEqualTo("Kế hoạch triển khai công tác thi đua, khen thưởng năm 2025");
    assertThat(plan.items()).hasSize(24);
    assertThat(plan.items()).extracting(PlanItem::key).containsExactlyElementsOf(seed.stream().map(SeedItem::key).toList());

    SoftAssertions softly = new SoftAssertions();
    for (int n = 0; n < seed.size(); n++) {
      SeedItem expected = seed.get(n);
      PlanItem actual = plan.items().get(n);
      String key = expected.key();
      softly.assertThat(actual.section()).as(key + " section").isEqualTo(expected.section());
      softly.assertThat(actual.number()).as(key + " number").isEqualTo(expected.number());
      softly.assertThat(actual.content()).as(key + " content").isEqualTo(expected.content());
      // the seed gives no timing for V.2; the file says "Thường xuyên", as for every recurring item
      softly.assertThat(actual.timing()).as(key + " timing")
          .isEqualTo(expected.timing() == null ? "Thường xuyên" : expected.timing());
      softly.assertThat(actual.leadUnit()).as(key + " lead").isEqualTo(expected.lead());
      softly.assertThat(actual.coordinatingUnits()).as(key + " coordinating").isEqualTo(expected.coordinating());
    }
    softly.assertAll();
    assertThat(seed).filteredOn(s -> s.timing() == null).extracting(SeedItem::key).containsExactly("V.2");
  }

  @Test
  void kindsAndRounds() {
    Plan plan = PlanFixtures.plan2025();
    assertThat(plan.itemsOfKind(PlanItemKind.COUNCIL_ROUND)).extracting(PlanItem::key, PlanItem::round)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("I.7", 1), org.assertj.core.groups.Tuple.tuple("IV.1", 2));
    assertThat(plan.itemsOfKind(PlanItemKind.STATE_SUBMISSION)).extracting(PlanItem::key, PlanItem::round)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("I.8", 1), org.assertj.core.groups.Tuple.tuple("IV.2", 2));
    assertThat(plan.itemsOfKind(PlanItemKind.REPORT)).extracting(PlanItem::key).containsExactly("I.5", "II.3", "IV.4");
    assertThat(plan.itemsOfKind(PlanItemKind.EVENT)).extracting(PlanItem::key)
        .containsExactly("I.6", "I.9", "II.2", "III.1", "III.2", "III.3", "IV.3");
    assertThat(plan.itemsOfKind(PlanItemKind.TRAINING)).extracting(PlanItem::key).containsExactly("III.4");
    assertThat(plan.itemsOfKind(PlanItemKind.DOCUMENT)).extracting(PlanItem::key)
        .containsExactly("I.1", "I.2", "I.3", "I.4", "II.1", "IV.5", "IV.6");
    assertThat(plan.items()).filteredOn(i -> i.kind() == null).extracting(PlanItem::key).containsExactly("V.1", "V.2");
    assertThat(plan.items()).filteredOn(i -> i.round() != null).allMatch(
        i -> i.kind() == PlanItemKind.COUNCIL_ROUND || i.kind() == PlanItemKind.STATE_SUBMISSION);
    assertThat(plan.items()).filteredOn(PlanItem::recurring).extracting(PlanItem::key).containsExactly("V.1", "V.2");
  }

  @Test
  void everyUnitOfThePlanMapsToGroups() {
    PlanUnits units = PlanFixtures.units();
    Plan plan = PlanFixtures.plan2025();
    for (PlanItem item : plan.items()) {
      assertThat(units.groupsFor(item.leadUnit())).as(item.key() + " lead").containsExactly("home-affairs");
      for (String unit : item.coordinatingUnits()) {
        assertThat(units.groupsFor(unit)).as(item.key() + " " + unit).isNotEmpty();
      }
    }
    assertThat(units.groupsFor("Văn phòng Ủy ban nhân dân tỉnh")).containsExactly("unit-vpubnd");
    assertThat(units.groupsFor("Văn phòng UBND tỉnh")).containsExactly("unit-vpubnd");
    assertThat(units.groupsFor("Thành viên HĐTĐKT tỉnh")).containsExactly("council");
    assertThat(units.groupsFor("Lãnh đạo tỉnh")).containsExactly("chairman");
    assertThat(units.groupsFor("các cơ quan, đơn vị, địa phương tham gia cụm, khối thi đua của tỉnh"))
        .containsExactly("unit-sgddt", "unit-syt", "unit-ptohieu");
  }
}
