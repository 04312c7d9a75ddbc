package vn.gov.sonla.tdkt.award;

/** Kinds of award (Law on Emulation and Commendation 2022, Art. 8). */
public enum AwardKind {
  ANNUAL("Khen thưởng thường xuyên (thành tích năm)"),
  SUDDEN("Khen thưởng đột xuất"),
  THEMATIC("Khen thưởng theo chuyên đề, đợt"),
  CONTRIBUTION("Khen thưởng quá trình cống hiến"),
  SENIORITY("Khen thưởng theo niên hạn"),
  DIPLOMATIC("Khen thưởng đối ngoại");

  private final String label;

  AwardKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
