package vn.gov.sonla.tdkt.award;

/**
 * The role of a proposed subject, for the province's priority to direct workers and small collectives
 * (Nghị định 98/2023 Điều 4; Nghị định 152/2025): an individual is a leader or manager, or a direct
 * worker; a collective is a small collective (phòng, ban, tổ, đội, …) or not.
 */
public enum SubjectRole {
  LEADER(SubjectKind.INDIVIDUAL, "Cán bộ lãnh đạo, quản lý"),
  DIRECT_WORKER(SubjectKind.INDIVIDUAL, "Người trực tiếp lao động, sản xuất, công tác"),
  SMALL_COLLECTIVE(SubjectKind.COLLECTIVE, "Tập thể nhỏ (phòng, ban, tổ, đội, …)"),
  COLLECTIVE(SubjectKind.COLLECTIVE, "Tập thể khác (cơ quan, đơn vị)");

  private final SubjectKind kind;
  private final String label;

  SubjectRole(SubjectKind kind, String label) {
    this.kind = kind;
    this.label = label;
  }

  public SubjectKind kind() {
    return kind;
  }

  public String label() {
    return label;
  }
}
