package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import vn.gov.sonla.tdkt.identity.PersonName;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.DossierStatusListener;
import vn.gov.sonla.tdkt.dossier.GaplessCounter;
import vn.gov.sonla.tdkt.dossier.SubjectKey;
import vn.gov.sonla.tdkt.dossier.SubjectKind;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * Issues the Chairman's decision in the engine's transaction: the next gapless number of the year
 * ({@code <n>/QĐ-UBND}), the decision document (PDF), the award register entry, and {@code AWARDED}.
 */
@Component("issueDecision")
public class IssueDecision implements JavaDelegate {

  private final GaplessCounter counter;
  private final DossierRepository dossiers;
  private final DecisionRepository decisions;
  private final DecisionDocument document;
  private final AwardCatalog catalog;
  private final AwardRegistration registration;
  private final DossierStatusListener status;
  private final Notifications notifications;
  private final IdentityService identity;
  private final DecisionProperties properties;
  private final CalendarProperties calendar;
  private final AuditLog audit;

  public IssueDecision(GaplessCounter counter, DossierRepository dossiers, DecisionRepository decisions,
      DecisionDocument document, AwardCatalog catalog, AwardRegistration registration, DossierStatusListener status,
      Notifications notifications, IdentityService identity, DecisionProperties properties,
      CalendarProperties calendar, AuditLog audit) {
    this.counter = counter;
    this.dossiers = dossiers;
    this.decisions = decisions;
    this.document = document;
    this.catalog = catalog;
    this.registration = registration;
    this.status = status;
    this.notifications = notifications;
    this.identity = identity;
    this.properties = properties;
    this.calendar = calendar;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    Dossier dossier = dossiers.find(code).orElseThrow();
    AwardType award = catalog.get(dossier.awardType());
    String signedBy = (String) execution.getVariable("decidedBy");
    OffsetDateTime signedAt = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    LocalDate date = signedAt.atZoneSameInstant(calendar.zone()).toLocalDate();

    int seq = counter.next("decision/" + date.getYear());
    String number = seq + "/QĐ-UBND";
    byte[] pdf = document.render(new DecisionContent(properties.issuer(), properties.place(), number, date,
        award.name(), dossier.awardKind().label(), dossier.awardYear(), award.legalBasis(), registration.unitName(dossier),
        properties.signerTitle(), fullName(identity, signedBy),
        List.of(new DecisionContent.AwardedSubject(dossier.subjectName(), dossier.subjectDetails(),
            dossier.achievements()))));
    String pdfSha256 = DossierService.sha256(pdf);
    decisions.insert(new Decision(UUID.randomUUID().toString(), date.getYear(), seq, number, code, signedBy, signedAt,
        pdfSha256), pdf);
    dossiers.setDecisionNumber(code, number);
    audit.append(code, AuditLog.DECISION_ISSUED, AuditLog.detail("number", number, "date", date,
        "signedBy", signedBy, "sha256", pdfSha256));
    registration.register(dossier, number, date, "Chủ tịch UBND tỉnh Sơn La");
    status.set(execution, DossierStatus.AWARDED, null);
    execution.setVariable("decisionNumber", number);
    execution.setVariable("decisionDate", java.sql.Date.valueOf(date));
    notifications.send(dossier.unitGroup(), code, "AWARDED", "Hồ sơ " + code + ": " + dossier.subjectName()
        + " được tặng " + award.name() + " theo Quyết định số " + number + ".");
  }

  /** The full name of a Camunda user ({@link PersonName}), as printed under a signature; the id when unknown. */
  static String fullName(IdentityService identity, String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    String name = PersonName.of(user);
    return name != null ? name : userId == null ? "" : userId;
  }
}
