package vn.gov.sonla.tdkt.award;

import java.time.LocalDate;

/**
 * What the proposing unit declares with a dossier, for the eligibility rules: whether the subject is under
 * disciplinary review, investigation, inspection or a complaint being verified; when a discipline ended
 * (achievements count only from then); for a collective proposed as Tập thể lao động xuất sắc, its members'
 * figures; for Cờ thi đua, whether it leads its emulation cluster or bloc. Every field is optional.
 */
public record DeclaredFacts(
    Boolean proceedingsPending,
    LocalDate disciplineEndedOn,
    Integer memberCount,
    Integer membersCompletingTasks,
    Integer advancedWorkerMembers,
    Integer emulationFighterMembers,
    Integer membersDisciplined,
    Boolean blocLeader) {

  public static final DeclaredFacts NONE = new DeclaredFacts(null, null, null, null, null, null, null, null);
}
