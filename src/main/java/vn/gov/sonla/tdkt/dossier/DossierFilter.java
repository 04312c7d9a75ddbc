package vn.gov.sonla.tdkt.dossier;

/**
 * What a dossier list shows: the filters (each null for "any"), a text to find in the code or the subject's name
 * ({@code text}, already folded: no accents, lower case), and the order.
 */
public record DossierFilter(DossierStatus status, String unit, Integer year, String awardType, String text,
    Order order) {

  /** The orders a list can be shown in; the newest first by default. */
  public enum Order {
    NEWEST("created_at DESC, code DESC"),
    OLDEST("created_at ASC, code ASC"),
    CODE("code ASC"),
    SUBJECT("subject_search ASC, code ASC"),
    STATUS("status ASC, created_at DESC, code DESC");

    final String sql;

    Order(String sql) {
      this.sql = sql;
    }
  }

  public DossierFilter(DossierStatus status, String unit, Integer year, String awardType) {
    this(status, unit, year, awardType, null, Order.NEWEST);
  }

  public DossierFilter {
    order = order == null ? Order.NEWEST : order;
  }
}
