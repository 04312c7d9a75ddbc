package vn.gov.sonla.tdkt.award;

/** Yearly task-completion ratings (xếp loại mức độ hoàn thành nhiệm vụ), best first; table completion_rating. */
public enum Rating {
  EXCELLENT("Hoàn thành xuất sắc nhiệm vụ"),
  GOOD("Hoàn thành tốt nhiệm vụ"),
  COMPLETED("Hoàn thành nhiệm vụ"),
  NOT_COMPLETED("Không hoàn thành nhiệm vụ");

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean goodOrBetter() {
    return this == EXCELLENT || this == GOOD;
  }
}
