package vn.gov.sonla.tdkt.dossier;

import java.util.Map;

/** Gives tests in other packages the scenarios' dossier fields. */
public final class DossierApiScenariosAccess {
  private DossierApiScenariosAccess() {}

  public static Map<String, Object> json() {
    return DossierApiScenarios.dossierJson("ANNUAL", "Bạc Thị Hồng");
  }

  /** An annual BK_TINH dossier for the subject named. */
  public static Map<String, Object> json(String subjectName) {
    return DossierApiScenarios.dossierJson("ANNUAL", subjectName);
  }
}
