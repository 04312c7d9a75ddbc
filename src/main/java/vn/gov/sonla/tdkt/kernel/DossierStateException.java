package vn.gov.sonla.tdkt.kernel;

/** The action does not fit the dossier's current state (e.g. editing a submitted dossier). */
public class DossierStateException extends RuntimeException {
  public DossierStateException(String message) {
    super(message);
  }
}
