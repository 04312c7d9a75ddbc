package vn.gov.sonla.tdkt.plan;

import java.util.List;

/**
 * A yearly plan of the provincial People's Committee (e.g. Kế hoạch 01/KH-UBND of 2 January 2025).
 *
 * @param year the year the plan is for
 * @param number the plan's number, e.g. "01/KH-UBND" (may be null)
 * @param issuedOn date of issue, ISO, e.g. "2025-01-02" (may be null)
 * @param title the plan's title (may be null)
 * @param items its tasks, in file order
 */
public record Plan(int year, String number, String issuedOn, String title, List<PlanItem> items) {

  public Plan {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** The item of that key ("I.7"), or null. */
  public PlanItem item(String key) {
    return items.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
  }

  /** The items of that kind, in file order. */
  public List<PlanItem> itemsOfKind(PlanItemKind kind) {
    return items.stream().filter(i -> i.kind() == kind).toList();
  }
}
