package vn.gov.sonla.tdkt.award;

import java.util.Set;

/** An award of the catalogue. */
public record AwardType(String code, String name, AwardLevel level, Set<String> subjectKinds, String legalBasis) {

  public boolean allowsSubject(String subjectKind) {
    return subjectKinds.contains(subjectKind);
  }
}
