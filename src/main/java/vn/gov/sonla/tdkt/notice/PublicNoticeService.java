package vn.gov.sonla.tdkt.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.VietnameseDates;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierFilter;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.GaplessCounter;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;

/**
 * The public notice of dossiers the council passed, the consultation before the council of dossiers for orders and
 * State honours, and objections to either.
 */
@Service
public class PublicNoticeService {

  /** The timer of the consultation before the council in commendation-dossier.bpmn: present while it is open. */
  static final String CONSULTATION_TIMER = "Timer_ConsultationPeriod";
  /** The timer of the public notice in commendation-dossier.bpmn: its due date is the notice's end. */
  static final String NOTICE_TIMER = "Timer_NoticePeriod";

  private final DossierRepository dossiers;
  private final AwardCatalog catalog;
  private final IdentityService identity;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final ObjectionRepository objections;
  private final EngineAuthentication engineAuthentication;
  private final AuditLog audit;
  private final GaplessCounter counter;
  private final CalendarProperties calendar;

  private final Clock clock;

  public PublicNoticeService(DossierRepository dossiers, AwardCatalog catalog, IdentityService identity,
      ManagementService management, RuntimeService runtime, ObjectionRepository objections,
      EngineAuthentication engineAuthentication, AuditLog audit, GaplessCounter counter,
      CalendarProperties calendar, Clock clock) {
    this.clock = clock;
    this.counter = counter;
    this.calendar = calendar;
    this.dossiers = dossiers;
    this.catalog = catalog;
    this.identity = identity;
    this.management = management;
    this.runtime = runtime;
    this.objections = objections;
    this.engineAuthentication = engineAuthentication;
    this.audit = audit;
  }

  /**
   * The dossiers on public notice with the end of each notice: one engine query for all their notice timers and one
   * for all their units' names, whatever their number (the citizens' most read page).
   */
  public List<PublicNotice> current() {
    List<Dossier> onNotice = new ArrayList<>();
    int page = 0;
    while (true) {
      var batch = dossiers.search(new DossierFilter(DossierStatus.PUBLIC_NOTICE, null, null, null), null, page++, 200);
      onNotice.addAll(batch.items());
      if ((long) page * 200 >= batch.total()) {
        break;
      }
    }
    if (onNotice.isEmpty()) {
      return List.of();
    }
    // every running notice timer (as many as dossiers on notice); not narrowed by processInstanceIds, which the
    // engine's job query cannot combine with activityId (7.24 writes invalid SQL: no AND between the two)
    Map<String, Job> timers = new HashMap<>();
    engineAuthentication.asSystem(() -> management.createJobQuery().activityId(NOTICE_TIMER).list())
        .forEach(job -> timers.put(job.getProcessInstanceId(), job));
    Map<String, String> unitNames = new HashMap<>();
    identity.createGroupQuery().groupIdIn(onNotice.stream().map(Dossier::unitGroup).distinct()
        .toArray(String[]::new)).list().forEach(g -> unitNames.put(g.getId(), g.getName()));
    List<PublicNotice> notices = new ArrayList<>(onNotice.size());
    for (Dossier d : onNotice) {
      notices.add(notice(d, d.processInstanceId() == null ? null : timers.get(d.processInstanceId()),
          unitNames.get(d.unitGroup())));
    }
    return notices;
  }

  /**
   * The dossiers for orders and State honours now published for opinions before the council, with the end of each
   * consultation, oldest code first.
   */
  public List<PublicNotice> consultations() {
    List<Job> timers = engineAuthentication.asSystem(() -> management.createJobQuery()
        .activityId(CONSULTATION_TIMER).list());
    if (timers.isEmpty()) {
      return List.of();
    }
    Set<String> instances = timers.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> codes = engineAuthentication.asSystem(() -> runtime.createProcessInstanceQuery()
            .processInstanceIds(instances).list()).stream()
        .filter(pi -> pi.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    List<PublicNotice> consultations = new ArrayList<>();
    for (Job timer : timers) {
      String code = codes.get(timer.getProcessInstanceId());
      if (code != null) {
        dossiers.find(code).ifPresent(d -> consultations.add(notice(d, timer)));
      }
    }
    consultations.sort(Comparator.comparing(PublicNotice::code));
    return consultations;
  }

  /** Whether the dossier is open for opinions before the council (its consultation timer has not fired). */
  private boolean inConsultation(Dossier d) {
    return d.status() == DossierStatus.AWAITING_COUNCIL && d.processInstanceId() != null
        && engineAuthentication.asSystem(() -> management.createJobQuery().processInstanceId(d.processInstanceId())
            .activityId(CONSULTATION_TIMER).count()) > 0;
  }

  private PublicNotice notice(Dossier d, Job timer) {
    var unit = identity.createGroupQuery().groupId(d.unitGroup()).singleResult();
    return notice(d, timer, unit == null ? null : unit.getName());
  }

  private PublicNotice notice(Dossier d, Job timer, String unitName) {
    AwardType award = catalog.get(d.awardType());
    return new PublicNotice(d.code(), d.subjectName(), unitName == null ? d.unitCode() : unitName, award.name(),
        d.awardKind().label(), d.awardYear(), d.achievements(), timer == null ? null : timer.getDuedate(),
        timer == null ? null : VietnameseDates.dateTime(timer.getDuedate(), calendar.zone()));
  }

  /**
   * Records an objection to a dossier on public notice or in its consultation before the council, and raises
   * {@code ObjectionFiled} on the dossier, in one transaction.
   */
  @Transactional
  public Objection file(ObjectionRequest request, String clientAddress) {
    // checked here, after the controller's limit per address, so that a refused request counts as before
    List<FieldProblem> problems = vn.gov.sonla.tdkt.kernel.FieldProblems.check(request);
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    String code = request.dossierCode().strip();
    Dossier dossier = dossiers.find(code).filter(d -> d.status() == DossierStatus.PUBLIC_NOTICE || inConsultation(d))
        .orElseThrow(() -> new DossierNotFoundException(code));
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int year = now.atZoneSameInstant(calendar.zone()).getYear();
    // gapless per year, in this transaction: a refused or rolled-back objection takes no number
    String reference = String.format("PA-%d-%04d", year, counter.next("objection-" + year));
    Objection objection = new Objection(UUID.randomUUID().toString(), dossier.code(), request.name().strip(),
        request.contact().strip(), request.content().strip(), clientAddress, now, "PENDING", null, null, null,
        reference);
    objections.insert(objection);
    // no personal data of the objector in the audit trail: it stays in the objection's record
    audit.append(code, AuditLog.OBJECTION_FILED, AuditLog.detail("objectionId", objection.id(),
        "reference", reference));
    engineAuthentication.asSystem(() -> runtime.createMessageCorrelation("ObjectionFiled")
        .processInstanceBusinessKey(code)
        .setVariableLocal("objectionId", objection.id())
        .setVariableLocal("objectionReference", reference)
        .setVariableLocal("objectionContent", objection.content())
        .setVariableLocal("objectorName", objection.objectorName())
        .setVariableLocal("objectorContact", objection.objectorContact())
        .correlateWithResult());
    return objection;
  }
}
