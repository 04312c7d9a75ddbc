package vn.gov.sonla.tdkt.award;

/** Emulation title (danh hiệu thi đua) or form of commendation (hình thức khen thưởng), Law 2022 Art. 7–8. */
public enum AwardCategory {
  TITLE("Danh hiệu thi đua"),
  AWARD("Hình thức khen thưởng");

  private final String label;

  AwardCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
