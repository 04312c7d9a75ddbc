package vn.gov.sonla.tdkt.dossier;

/** Statuses of a commendation dossier (design.md), plus {@code DRAFT} before submission. */
public enum DossierStatus {
  DRAFT("Bản nháp"),
  SUBMITTED("Đã nộp"),
  IN_APPRAISAL("Đang thẩm định"),
  AWAITING_SUPPLEMENT("Chờ bổ sung"),
  AWAITING_COUNCIL("Chờ Hội đồng xét"),
  PUBLIC_NOTICE("Đang công khai"),
  AWAITING_DECISION("Chờ quyết định"),
  SUBMITTED_TO_STATE("Đã trình cấp Nhà nước"),
  AWARDED("Đã khen thưởng"),
  NOT_AWARDED("Không khen thưởng"),
  RETURNED("Đã trả lại"),
  WITHDRAWN("Đã rút");

  private final String label;

  DossierStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether a dossier in this status no longer blocks another proposal for the same subject, award
   * and year. An awarded dossier keeps blocking: the same award is not given twice for one year.
   */
  public boolean releasesSubject() {
    return this == NOT_AWARDED || this == RETURNED || this == WITHDRAWN;
  }
}
