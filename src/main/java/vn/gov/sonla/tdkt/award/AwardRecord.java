package vn.gov.sonla.tdkt.award;

import java.time.LocalDate;

/** An entry of the award register. */
public record AwardRecord(
    String id,
    String subjectKind,
    String subjectName,
    LocalDate subjectBirthDate,
    String subjectUnit,
    String subjectKey,
    String awardType,
    String awardKind,
    int awardYear,
    String decisionNumber,
    LocalDate decisionDate,
    String decidedBy,
    String source,
    String dossierCode) {}
