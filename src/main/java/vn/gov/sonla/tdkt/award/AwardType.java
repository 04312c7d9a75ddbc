package vn.gov.sonla.tdkt.award;

import java.util.Set;

/** An award of the catalogue (table award_type). */
public record AwardType(String code, String name, AwardLevel level, AwardCategory category, Set<String> subjectKinds,
    String decider, String legalBasis, boolean active, int sortOrder) {

  /** An active award of the given kind, as the tests build them. */
  public AwardType(String code, String name, AwardLevel level, Set<String> subjectKinds, String legalBasis) {
    this(code, name, level, AwardCategory.AWARD, subjectKinds, "", legalBasis, true, 100);
  }

  public boolean allowsSubject(String subjectKind) {
    return subjectKinds.contains(subjectKind);
  }

  /** Unit-level titles are conferred by the unit itself, never proposed to the province. */
  public boolean proposable() {
    return level != AwardLevel.UNIT && active;
  }
}
