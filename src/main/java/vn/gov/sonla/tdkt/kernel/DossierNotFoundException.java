package vn.gov.sonla.tdkt.kernel;

/** The dossier (or document) does not exist, or the caller may not see it: the answer is the same. */
public class DossierNotFoundException extends RuntimeException {
  public DossierNotFoundException(String code) {
    super("Không tìm thấy hồ sơ " + code + ".");
  }

  /** The dossier is visible but what was asked of it does not exist (yet); {@code message} says why. */
  public DossierNotFoundException(String code, String message) {
    super(message);
  }
}
