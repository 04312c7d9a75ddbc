package vn.gov.sonla.tdkt.award;

/** An initiative or scientific work recognised for a subject. */
public record Initiative(String id, String subjectId, int year, String title, InitiativeScope scope,
    String recognisedBy, String documentNumber) {}
