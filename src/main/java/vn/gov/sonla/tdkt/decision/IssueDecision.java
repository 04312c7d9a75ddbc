package vn.gov.sonla.tdkt.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.identity.PersonName;
import vn.gov.sonla.tdkt.kernel.GaplessCounter;
import vn.gov.sonla.tdkt.kernel.TaskInputException;
import vn.gov.sonla.tdkt.notification.Notifications;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;
import vn.gov.sonla.tdkt.signing.PdfSigning;

/**
 * Issues the Chairman's decision in the engine's transaction: its number ({@code <n>/QĐ-UBND}: the next of the
 * system's gapless register, or the one the clerk entered from the office's register, {@link DecisionNumbering}),
 * the decision document in the state format (PDF, signed with the organisation's certificate), the award register
 * entry ({@code AWARDED} is declared on the model's step). The issue date is the signing date: the day the
 * Chairman approved.
 */
@Component("issueDecision")
public class IssueDecision implements JavaDelegate {

  private final Clock clock;

  private final GaplessCounter counter;
  private final DossierRepository dossiers;
  private final DecisionRepository decisions;
  private final DecisionDocument document;
  private final DecisionComposer composer;
  private final PdfSigning signing;
  private final AwardCatalog catalog;
  private final AwardRegistration registration;
  private final Notifications notifications;
  private final IdentityService identity;
  private final DecisionProperties properties;
  private final CalendarProperties calendar;
  private final AuditLog audit;

  public IssueDecision(GaplessCounter counter, DossierRepository dossiers, DecisionRepository decisions,
      DecisionDocument document, DecisionComposer composer, PdfSigning signing, AwardCatalog catalog,
      AwardRegistration registration, Notifications notifications,
      IdentityService identity, DecisionProperties properties, CalendarProperties calendar, AuditLog audit, Clock clock) {
    this.clock = clock;
    this.counter = counter;
    this.dossiers = dossiers;
    this.decisions = decisions;
    this.document = document;
    this.composer = composer;
    this.signing = signing;
    this.catalog = catalog;
    this.registration = registration;
    this.notifications = notifications;
    this.identity = identity;
    this.properties = properties;
    this.calendar = calendar;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a job after the click: its records name the person who decided (docs/pipeline.md)
    vn.gov.sonla.tdkt.engine.EngineAuthentication.actFor(execution.getProcessEngineServices().getIdentityService(),
        (String) execution.getVariable("decidedBy"));
    String code = execution.getProcessBusinessKey();
    Dossier dossier = dossiers.find(code).orElseThrow();
    AwardType award = catalog.get(dossier.awardType());
    String signedBy = (String) execution.getVariable("decidedBy");
    OffsetDateTime issuedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    Object decidedOn = execution.getVariable("decidedOn");
    LocalDate date = decidedOn instanceof String day ? LocalDate.parse(day)
        : issuedAt.atZoneSameInstant(calendar.zone()).toLocalDate();

    Object clerkSeq = execution.getVariable(DecisionNumbering.SEQ);
    String numberedBy = clerkSeq == null ? null : (String) execution.getVariable(DecisionNumbering.NUMBERED_BY);
    String register = clerkSeq == null ? properties.symbol()
        : DecisionNumbering.register(execution.getVariable(DecisionNumbering.REGISTER), properties.symbol());
    int seq = clerkSeq == null ? nextInternal(date.getYear(), register) : DecisionNumbering.seq(clerkSeq);
    String number = seq + "/" + register;

    DecisionContent content = composer.compose(number, date, false, signedBy, fullName(identity, signedBy),
        regime(execution, dossier), List.of(dossier), null);
    byte[] pdf = signing.sign(document.render(content), "Ban hành Quyết định số " + number, properties.place(),
        calendar(issuedAt));
    String pdfSha256 = DossierService.sha256(pdf);
    try {
      decisions.insert(new Decision(UUID.randomUUID().toString(), date.getYear(), seq, register, number, code,
          signedBy, issuedAt, pdfSha256, numberedBy), pdf);
    } catch (DuplicateKeyException e) {
      throw new TaskInputException(DecisionNumbering.taken(seq, register, date.getYear()));
    }
    dossiers.setDecisionNumber(code, number);
    audit.append(code, AuditLog.DECISION_ISSUED, AuditLog.detail("number", number, "date", date,
        "signedBy", signedBy, "sha256", pdfSha256, "numberedBy", numberedBy == null ? "" : numberedBy,
        "signed", signing.enabled()));
    registration.register(dossier, number, date, "Chủ tịch UBND tỉnh Sơn La");
    execution.setVariable("decisionNumber", number);
    execution.setVariable("decisionDate", java.sql.Date.valueOf(date));
    notifications.send(dossier.unitGroup(), code, "AWARDED", "Hồ sơ " + code + ": " + dossier.subjectName()
        + " được tặng " + award.name() + " theo Quyết định số " + number + ".");
  }

  /** The next number of the system's register, skipping any the clerk entered by hand in the same register. */
  private int nextInternal(int year, String register) {
    int seq;
    do {
      seq = counter.next("decision/" + year);
    } while (decisions.exists(year, register, seq));
    return seq;
  }

  /** The regime the dossier was judged by (eligibility), else the one in force on the day it was received. */
  private static String regime(DelegateExecution execution, Dossier dossier) {
    Object regime = execution.getVariable("eligibilityRegime");
    if (regime instanceof String r && !r.isBlank()) {
      return r;
    }
    Object received = execution.getVariable("receivedOn");
    return execution.getProcessEngineServices().getDecisionService()
        .evaluateDecisionTableByKey("award-eligibility-regime")
        .variables(java.util.Map.of("receivedOn", received != null ? received
            : java.util.Date.from(dossier.submittedAt().toInstant())))
        .evaluate().getSingleResult().getEntry("regime");
  }

  private static Calendar calendar(OffsetDateTime time) {
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(time.toInstant().toEpochMilli());
    return c;
  }

  /** The full name of a Camunda user ({@link PersonName}), as printed under a signature; the id when unknown. */
  static String fullName(IdentityService identity, String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    String name = PersonName.of(user);
    return name != null ? name : userId == null ? "" : userId;
  }
}
