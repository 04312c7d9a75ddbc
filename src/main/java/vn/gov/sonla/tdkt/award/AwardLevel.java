package vn.gov.sonla.tdkt.award;

/** Who decides: the unit (cấp cơ sở: titles such as Lao động tiên tiến), the provincial Chairman, or the State. */
public enum AwardLevel {
  UNIT("Cấp cơ sở"),
  PROVINCIAL("Cấp tỉnh"),
  STATE("Cấp Nhà nước");

  private final String label;

  AwardLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
