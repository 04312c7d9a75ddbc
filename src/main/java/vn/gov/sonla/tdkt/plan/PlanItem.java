package vn.gov.sonla.tdkt.plan;

import java.util.List;

/**
 * One task of the yearly plan (one row of its appendix).
 *
 * @param line line of the item in the plan file (1-based)
 * @param section "I" … "IV" (the quarter) or "V" (recurring)
 * @param number the item's number within its section
 * @param content what is to be done, in the plan's wording
 * @param timing {@code MM/YYYY} or {@code M/YYYY}, {@code Trong quý I…IV}, or {@code Thường xuyên}
 * @param leadUnit the lead unit (đơn vị chủ trì), as written in the plan
 * @param coordinatingUnits the coordinating units (đơn vị phối hợp), as written, one name each
 * @param kind what the item is, may be null
 * @param round the council or State round of a {@link PlanItemKind#COUNCIL_ROUND} or
 *     {@link PlanItemKind#STATE_SUBMISSION} item, otherwise null
 */
public record PlanItem(int line, String section, int number, String content, String timing, String leadUnit,
    List<String> coordinatingUnits, PlanItemKind kind, Integer round) {

  public PlanItem {
    coordinatingUnits = coordinatingUnits == null ? List.of() : List.copyOf(coordinatingUnits);
  }

  /** "I.3", "V.2". */
  public String key() {
    return section + "." + number;
  }

  public boolean recurring() {
    return "Thường xuyên".equals(timing);
  }
}
