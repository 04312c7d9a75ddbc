package vn.gov.sonla.tdkt.dossier;

/** The dossier (or document) does not exist, or the caller may not see it: the answer is the same. */
public class DossierNotFoundException extends RuntimeException {
  public DossierNotFoundException(String code) {
    super("Không tìm thấy hồ sơ " + code + ".");
  }
}
