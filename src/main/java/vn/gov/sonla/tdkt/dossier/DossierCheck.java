package vn.gov.sonla.tdkt.dossier;

import java.util.List;
import vn.gov.sonla.tdkt.kernel.FieldProblem;

/** A further check of a dossier's fields, contributed by another feature (e.g. thematic movements). */
public interface DossierCheck {
  /** {@code submitting}: the dossier is being submitted, not saved as a draft. */
  List<FieldProblem> check(DossierRequest request, boolean submitting);
}
