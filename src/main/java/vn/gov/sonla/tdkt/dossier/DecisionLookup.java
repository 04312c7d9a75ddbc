package vn.gov.sonla.tdkt.dossier;

import java.util.Optional;

/** The decision on a dossier, if any (implemented by the decision package). */
public interface DecisionLookup {
  Optional<DossierView.DecisionView> forDossier(String dossierCode);
}
