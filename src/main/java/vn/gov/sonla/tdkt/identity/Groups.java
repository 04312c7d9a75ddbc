package vn.gov.sonla.tdkt.identity;

/** Group ids of design.md. */
public final class Groups {
  public static final String HOME_AFFAIRS = "home-affairs";
  public static final String COUNCIL = "council";
  public static final String CHAIRMAN = "chairman";
  public static final String AUDITORS = "auditors";
  /** Văn thư of the People's Committee's office: numbers decisions from the office's register of documents. */
  public static final String CLERK = "clerk";
  public static final String ADMIN = "camunda-admin";
  /** Reads the metrics at {@code /actuator/prometheus} (a Prometheus server's account), nothing else. */
  public static final String MONITORING = "monitoring";
  public static final String UNIT_PREFIX = "unit-";
  /** Camunda group type of proposing units. */
  public static final String UNIT_TYPE = "UNIT";

  private Groups() {}

  public static String unit(String unitCode) {
    return UNIT_PREFIX + unitCode;
  }
}
