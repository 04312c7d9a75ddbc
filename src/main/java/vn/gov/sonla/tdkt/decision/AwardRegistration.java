package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.Subject;
import vn.gov.sonla.tdkt.award.SubjectDraft;
import vn.gov.sonla.tdkt.award.SubjectKey;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.award.Subjects;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;

/**
 * Enters an awarded dossier's subject in the award register, the same way for provincial and State awards:
 * the subject of the register (found or created by its identity), and the role the dossier gave it.
 */
@Component
public class AwardRegistration {

  private final AwardRegister register;
  private final Subjects subjects;
  private final DossierRepository dossiers;
  private final IdentityService identity;

  public AwardRegistration(AwardRegister register, Subjects subjects, DossierRepository dossiers,
      IdentityService identity) {
    this.register = register;
    this.subjects = subjects;
    this.dossiers = dossiers;
    this.identity = identity;
  }

  public void register(Dossier dossier, String decisionNumber, LocalDate decisionDate, String decidedBy) {
    String role = dossiers.subjectRole(dossier.code());
    Subject subject = subjects.resolve(new SubjectDraft(dossier.subjectKind(), dossier.subjectName(),
        dossier.subjectBirthDate(), dossier.unitCode(), dossier.subjectWorkUnit(), dossier.subjectPosition(), role,
        null));
    register.record(new AwardRecord(UUID.randomUUID().toString(), dossier.subjectKind().name(), dossier.subjectName(),
        dossier.subjectBirthDate(),
        dossier.subjectKind() == SubjectKind.INDIVIDUAL ? dossier.subjectWorkUnit() : unitName(dossier),
        SubjectKey.of(dossier.subjectKind(), dossier.subjectName(), dossier.subjectBirthDate(), dossier.unitCode()),
        dossier.awardType(), dossier.awardKind().name(), dossier.awardYear(), decisionNumber, decisionDate, decidedBy,
        "PIPELINE", dossier.code(), subject.id(), role), null, "system");
  }

  public String unitName(Dossier dossier) {
    var group = identity.createGroupQuery().groupId(dossier.unitGroup()).singleResult();
    return group == null ? dossier.unitCode() : group.getName();
  }
}
