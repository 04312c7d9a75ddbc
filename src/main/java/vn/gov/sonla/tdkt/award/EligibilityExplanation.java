package vn.gov.sonla.tdkt.award;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an unmet criterion needs and what the award register holds, by year, in words a person can act on:
 * "Cần Chiến sĩ thi đua cơ sở các năm 2025 và 2026; sổ khen thưởng có 2023, 2024, 2025 — thiếu 2026."
 * Criteria about consecutive years ending at the dossier's year name the years; the others have no detail.
 */
public final class EligibilityExplanation {

  /** Register series: titles (CSTD_CS), ratings (EXCELLENT, GOOD). */
  record Need(String series, String label, int years) {}

  private static final Map<String, List<Need>> NEEDS = Map.ofEntries(
      Map.entry("CSTD_TINH_CSTDCS_3", List.of(new Need("CSTD_CS", "Chiến sĩ thi đua cơ sở", 3))),
      Map.entry("BK_TINH_BASIS", List.of(new Need("CSTD_CS", "Chiến sĩ thi đua cơ sở", 2),
          new Need("EXCELLENT", "hoàn thành xuất sắc nhiệm vụ", 2))),
      Map.entry("BK_TINH_COLLECTIVE_EXCELLENT_2", List.of(new Need("EXCELLENT", "hoàn thành xuất sắc nhiệm vụ", 2))),
      Map.entry("TTLDXS_EXCELLENT", List.of(new Need("EXCELLENT", "hoàn thành xuất sắc nhiệm vụ", 1))),
      Map.entry("BK_TTG_GOOD_5", List.of(new Need("GOOD", "hoàn thành tốt nhiệm vụ trở lên", 5))),
      Map.entry("HCLD_3_GOOD_5", List.of(new Need("GOOD", "hoàn thành tốt nhiệm vụ trở lên", 5))));

  private EligibilityExplanation() {}

  /** The explanation of one criterion for a dossier of {@code year}, or null if it has none. */
  public static String of(String criterion, int year, Map<String, ? extends Collection<Integer>> register) {
    List<Need> needs = NEEDS.get(criterion);
    if (needs == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Need need : needs) {
      TreeSet<Integer> wanted = new TreeSet<>();
      for (int y = year - need.years() + 1; y <= year; y++) {
        wanted.add(y);
      }
      Collection<Integer> series = register.get(need.series());
      TreeSet<Integer> held = series == null ? new TreeSet<>() : new TreeSet<>(series);
      TreeSet<Integer> missing = new TreeSet<>(wanted);
      missing.removeAll(held);
      parts.add("cần " + need.label() + " " + (need.years() == 1 ? "năm " : "các năm ") + years(wanted)
          + "; sổ khen thưởng có " + (held.isEmpty() ? "không năm nào" : years(held))
          + (missing.isEmpty() ? "" : " — thiếu " + years(missing)));
    }
    String text = String.join("; hoặc ", parts);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  /** "2023, 2024 và 2025". */
  static String years(Collection<Integer> years) {
    List<String> list = years.stream().sorted().map(String::valueOf).collect(Collectors.toList());
    if (list.size() <= 1) {
      return String.join("", list);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " và " + list.get(list.size() - 1);
  }
}
