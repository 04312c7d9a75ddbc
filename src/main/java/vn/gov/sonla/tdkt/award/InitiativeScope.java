package vn.gov.sonla.tdkt.award;

/** The scope of effect an initiative or scientific work was recognised with. */
public enum InitiativeScope {
  UNIT("Cấp cơ sở"),
  PROVINCIAL("Cấp tỉnh"),
  NATIONAL("Toàn quốc");

  private final String label;

  InitiativeScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether an initiative of this scope counts where at least {@code needed} is asked. */
  public boolean atLeast(InitiativeScope needed) {
    return ordinal() >= needed.ordinal();
  }
}
