package vn.gov.sonla.tdkt.award;

public enum SubjectKind {
  INDIVIDUAL("Cá nhân"),
  COLLECTIVE("Tập thể"),
  HOUSEHOLD("Hộ gia đình");

  private final String label;

  SubjectKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
