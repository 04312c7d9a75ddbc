package vn.gov.sonla.tdkt.plan;

/** What a plan item is, as far as the workflow cares; optional on an item. */
public enum PlanItemKind {
  /** "Thẩm định hồ sơ, báo cáo Hội đồng … đợt N": the council round N (item's {@code round}). */
  COUNCIL_ROUND,
  /** "Trình đề nghị khen thưởng cấp Nhà nước đợt N": the State-level submission of round N. */
  STATE_SUBMISSION,
  /** A report (báo cáo) to the central Council, the cluster of provinces, … */
  REPORT,
  /** A conference, congress, contest. */
  EVENT,
  /** A training course (tập huấn). */
  TRAINING,
  /** A plan, directive or draft to issue. */
  DOCUMENT
}
