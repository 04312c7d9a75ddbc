package vn.gov.sonla.tdkt.award;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;

/**
 * What the proposing unit declares with a dossier, for the eligibility rules: whether the subject is under
 * disciplinary review, investigation, inspection or a complaint being verified; when a discipline ended
 * (achievements count only from then); for a collective proposed as Tập thể lao động xuất sắc, its members'
 * figures; for Cờ thi đua, whether it leads its emulation cluster or bloc. Every field is optional; the rules of a
 * field alone are declared here (messages in ValidationMessages_vi.properties), those across fields in
 * {@link DossierValidator}.
 */
public record DeclaredFacts(
    Boolean proceedingsPending,
    @PastOrPresent(message = "{dossier.disciplineEndedOn.past}") LocalDate disciplineEndedOn,
    @Min(value = 1, message = "{dossier.memberCount.range}") @Max(value = 100_000, message = "{dossier.memberCount.range}")
    Integer memberCount,
    @Min(value = 0, message = "{dossier.membersCompletingTasks.range}") Integer membersCompletingTasks,
    @Min(value = 0, message = "{dossier.advancedWorkerMembers.range}") Integer advancedWorkerMembers,
    @Min(value = 0, message = "{dossier.emulationFighterMembers.range}") Integer emulationFighterMembers,
    @Min(value = 0, message = "{dossier.membersDisciplined.range}") Integer membersDisciplined,
    Boolean blocLeader) {

  public static final DeclaredFacts NONE = new DeclaredFacts(null, null, null, null, null, null, null, null);
}
