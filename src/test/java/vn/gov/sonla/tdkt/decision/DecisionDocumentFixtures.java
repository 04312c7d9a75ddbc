package vn.gov.sonla.tdkt.decision;

import java.util.List;

/** A sample decision for tests outside this package. */
public final class DecisionDocumentFixtures {

  private DecisionDocumentFixtures() {}

  public static DecisionContent sample() {
    return DecisionDocumentTest.decision("ND152-2025", List.of(
        DecisionDocumentTest.individual("Nguyễn Thị Hương", "Giáo viên Trường THPT Chiềng Sinh", null),
        DecisionDocumentTest.collective("Trường THPT Chiềng Sinh", null)));
  }
}
