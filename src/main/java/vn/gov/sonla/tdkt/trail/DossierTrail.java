package vn.gov.sonla.tdkt.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.audit.AuditRecord;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionBatchRepository;
import vn.gov.sonla.tdkt.decision.DecisionNumbering;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.DocumentRepository;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.StoredDocument;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.notice.Objection;
import vn.gov.sonla.tdkt.notice.ObjectionRepository;
import vn.gov.sonla.tdkt.notification.Notification;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The audit trail of a dossier: the engine's history of its process instance(s) and of the decision batches that
 * held it (the proposal, the Chairman's decision and the clerk's numbering; {@link EngineTrail}), merged in time
 * order with the project's records (documents, council tallies, objections, decisions, notifications). The engine is
 * read as the system, after {@link DossierService#visible} has decided that the user may see the dossier. Individual
 * council votes are never read: the secret-ballot variables are left out even if they were ever recorded on a
 * dossier's process. Each entry also says in plain words what was done and its result ({@link #timeline}).
 */
@Service
public class DossierTrail {

  public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String HIDDEN = "(ẩn)";
  private static final String BATCH_PROCESS_KEY = "decision-batch";
  private static final String COUNCIL_GROUP = Groups.COUNCIL;
  /** Of a batch's tasks, the values the dossier's trail shows: the decision's number (the rest name other dossiers). */
  private static final Set<String> BATCH_VALUES = Set.of(DecisionNumbering.SEQ, DecisionNumbering.REGISTER);

  private final DossierService dossiers;
  private final DocumentRepository documents;
  private final DecisionRepository decisions;
  private final DecisionBatchRepository batches;
  private final CouncilRepository council;
  private final ObjectionRepository objections;
  private final Notifications notifications;
  private final HistoryService history;
  private final EngineTrail engine;
  private final TrailWords words;
  private final EngineAuthentication engineAuthentication;
  private final AuditLog auditLog;
  private final PersonNames personNames;
  private final String proposalSigner;
  private final ObjectMapper json = new ObjectMapper();

  public DossierTrail(DossierService dossiers, DocumentRepository documents, DecisionRepository decisions,
      DecisionBatchRepository batches, CouncilRepository council, ObjectionRepository objections,
      Notifications notifications, HistoryService history, EngineTrail engine, TrailWords words,
      EngineAuthentication engineAuthentication, AuditLog auditLog, PersonNames personNames,
      @Value("${tdkt.decision.proposal-signer:}") String proposalSigner) {
    this.personNames = personNames;
    this.dossiers = dossiers;
    this.documents = documents;
    this.decisions = decisions;
    this.batches = batches;
    this.council = council;
    this.objections = objections;
    this.notifications = notifications;
    this.history = history;
    this.engine = engine;
    this.words = words;
    this.engineAuthentication = engineAuthentication;
    this.auditLog = auditLog;
    this.proposalSigner = proposalSigner == null || proposalSigner.isBlank() ? null : proposalSigner.strip();
  }

  /** The person's full name (for who produced an export). */
  public String personName(String userId) {
    return personNames.recipient(userId);
  }

  /** The plain-language timeline of the entries of the plain kinds ({@link TrailKind#plain()}). */
  public static List<TimelineRow> timeline(List<TrailEntry> entries) {
    return entries.stream().filter(e -> e.kind().plain()).map(TimelineRow::of).toList();
  }

  /** The trail of a dossier the user may see (otherwise DossierNotFoundException, i.e. 404). */
  public List<TrailEntry> of(String code, CurrentUser user) {
    Dossier dossier = dossiers.visible(code, user);
    // people are named as they write their names, never by login id (one lookup per person)
    Map<String, String> known = new HashMap<>();
    Function<String, String> name = id -> id == null ? null : known.computeIfAbsent(id, personNames::recipient);
    List<TrailEntry> entries = new ArrayList<>();
    boolean showObjectors = user.readsAllDossiers();
    dossierRow(dossier, entries);
    documents(code, entries);
    // gathered in causal order for entries of the same instant: a council tally or an objection
    // reaches the process (message) before the engine records what follows from it
    Map<String, Date> councilMessageAt = new HashMap<>();
    List<TrailEntry> fromEngine = new ArrayList<>();
    int engineInstances = engineAuthentication.asSystem(() -> {
      List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(code).processDefinitionKey(DossierService.PROCESS_KEY)
          .orderByProcessInstanceStartTime().asc().list();
      for (HistoricProcessInstance pi : instances) {
        fromEngine.addAll(engine.read(new EngineTrail.Scope(pi, showObjectors, name, null), councilMessageAt));
      }
      batches(code, showObjectors, name, fromEngine);
      return instances.size();
    });
    if (engineInstances == 0 && dossier.processInstanceId() != null) {
      statusFromAuditLog(code, entries);
    }
    for (CouncilRepository.DossierTally t : council.tallies(code)) {
      councilTally(t, councilMessageAt.get("*"), entries);
    }
    for (Objection o : objections.forDossier(code)) {
      objection(o, entries, showObjectors, name);
    }
    entries.addAll(fromEngine);
    decisions.forDossier(code).ifPresent(d -> entries.add(new TrailEntry(vn(d.signedAt()), TrailSource.DECISION,
        TrailKind.DECISION_ISSUED, d.signedBy(), "Ban hành Quyết định số " + d.number() + ", người ký: "
            + name.apply(d.signedBy()),
        details("number", d.number(), "signedBy", d.signedBy(), "signedAt", vn(d.signedAt()), "pdfSha256",
            d.pdfSha256(), "decisionId", d.id()))
        .plain("Ban hành Quyết định số " + d.number() + (dossier.awardType() == null ? ""
            : " tặng " + words.award(dossier.awardType())) + " cho " + dossier.subjectName() + ", người ký: "
            + name.apply(d.signedBy()), "Đã ban hành, ký số")));
    for (Notification n : notifications.forDossier(code)) {
      entries.add(new TrailEntry(vn(n.createdAt()), TrailSource.NOTIFICATION, TrailKind.NOTIFICATION_SENT, null,
          "Thông báo tới " + name.apply(n.recipient()) + ": " + n.message(),
          details("recipient", n.recipient(), "kind", n.kind(), "message", n.message()))
          .plain("Thông báo tới " + name.apply(n.recipient()) + ": " + words.text(n.message()), "Đã gửi"));
    }
    // stable: entries of the same instant keep the order in which they were gathered
    entries.sort(Comparator.comparing((TrailEntry e) -> e.at().toInstant()));
    // a body that acted (the council, Home Affairs) keeps its name; a person is named from the actor
    return entries.stream().map(e -> e.actor() == null ? e
        : e.withActorName(AuditLog.SYSTEM.equals(e.actor()) ? TimelineRow.SYSTEM : name.apply(e.actor()))).toList();
  }

  /**
   * The decision batches that held the dossier: what the people did there (Home Affairs' proposal, the Chairman's
   * decision, the clerk's number) as this dossier's steps. Run as the system.
   */
  private void batches(String code, boolean showObjectors, Function<String, String> name, List<TrailEntry> out) {
    for (DecisionBatchRepository.Membership m : batches.batchesOf(code)) {
      EngineTrail.BatchScope scope = new EngineTrail.BatchScope(m.batchKey(), words.batch(m.batchKey()),
          decisionResult(m), BATCH_VALUES::contains, proposalSigner);
      for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(m.batchKey()).processDefinitionKey(BATCH_PROCESS_KEY).list()) {
        out.addAll(engine.read(new EngineTrail.Scope(pi, showObjectors, name, scope), new HashMap<>()));
      }
    }
  }

  /** What the Chairman decided for this dossier in the batch, in words. */
  private String decisionResult(DecisionBatchRepository.Membership m) {
    String reason = m.reason() == null || m.reason().isBlank() ? "" : ": " + words.text(m.reason());
    return switch (m.state()) {
      case DecisionBatchRepository.EXCLUDED -> "Loại khỏi đợt, chờ đợt sau" + reason;
      case DecisionBatchRepository.REFUSED -> "Không khen thưởng" + reason;
      case DecisionBatchRepository.DROPPED -> "Hồ sơ không còn trong đợt" + reason;
      default -> "Đồng ý khen thưởng";
    };
  }

  private void documents(String code, List<TrailEntry> entries) {
    for (StoredDocument d : documents.list(code)) {
      entries.add(new TrailEntry(vn(d.uploadedAt()), TrailSource.DOCUMENT, TrailKind.DOCUMENT_ADDED, d.uploadedBy(),
          "Thêm tài liệu " + d.fileName() + " (" + d.type().label() + "), SHA-256 " + d.sha256(),
          details("name", d.fileName(), "type", d.type().name(), "contentType", d.contentType(), "sizeBytes",
              d.sizeBytes(), "sha256", d.sha256(), "documentId", d.id()))
          .plain("Thêm tài liệu " + d.fileName() + " (" + d.type().label() + ")", "Đã lưu"));
    }
  }

  /** After the engine's history was cleaned up (retention time), the project's own audit log keeps the steps. */
  private void statusFromAuditLog(String code, List<TrailEntry> entries) {
    for (AuditRecord r : auditLog.forDossier(code)) {
      if ("STATUS_CHANGED".equals(r.kind())) {
        String from = null;
        String to = null;
        try {
          JsonNode detail = json.readTree(r.detail());
          from = detail.path("from").isNull() ? null : detail.path("from").asText(null);
          to = detail.path("to").asText(null);
        } catch (Exception unreadable) {
          // the technical record below still shows it
        }
        entries.add(new TrailEntry(r.recordedAt().atZone(VN).toOffsetDateTime(), TrailSource.AUDIT_LOG,
            TrailKind.STATUS_CHANGED, r.actor(), "Trạng thái (nhật ký kiểm toán số " + r.seq() + "): " + r.detail(),
            details("seq", r.seq(), "detail", r.detail(), "hash", r.hash()))
            .plain("Hồ sơ chuyển từ \"" + TrailWords.status(from) + "\" sang \"" + TrailWords.status(to) + "\"",
                TrailWords.status(to)));
      }
    }
  }

  private void dossierRow(Dossier d, List<TrailEntry> entries) {
    entries.add(new TrailEntry(vn(d.createdAt()), TrailSource.DOSSIER, TrailKind.DOSSIER_CREATED, d.createdBy(),
        "Lập hồ sơ " + d.code() + (d.awardType() == null ? "" : " đề nghị " + d.awardType()) + " cho " + d.subjectName(),
        details("code", d.code(), "unitCode", d.unitCode(), "awardType", d.awardType(), "subjectName",
            d.subjectName()))
        .plain("Lập hồ sơ " + d.code() + (d.awardType() == null ? "" : " đề nghị tặng " + words.award(d.awardType()))
            + " cho " + d.subjectName(), "Đã lập hồ sơ"));
    if (d.submittedAt() != null) {
      entries.add(new TrailEntry(vn(d.submittedAt()), TrailSource.DOSSIER, TrailKind.DOSSIER_SUBMITTED, d.createdBy(),
          "Nộp hồ sơ " + d.code(), details("code", d.code(), "processInstanceId", d.processInstanceId()))
          .plain("Nộp hồ sơ " + d.code() + " tới " + words.body(Groups.HOME_AFFAIRS), "Đã nộp, chờ thẩm định"));
    }
  }

  // ---------------------------------------------------------------- project records

  private void councilTally(CouncilRepository.DossierTally t, Date messageAt, List<TrailEntry> entries) {
    CouncilRepository.AgendaItem i = t.item();
    if (i.outcome() == null) {
      entries.add(new TrailEntry(vn(t.openedAt()), TrailSource.COUNCIL, TrailKind.STEP_STARTED, null,
          "Đưa vào chương trình phiên họp Hội đồng " + i.sessionKey(),
          details("session", i.sessionKey(), "position", i.position()))
          .plain("Đưa vào chương trình " + TrailWords.session(i.sessionKey()) + " của Hội đồng", "Chờ Hội đồng xét"));
      return;
    }
    // the tally reaches the dossier with the CouncilResolution message, in the same transaction
    OffsetDateTime at = messageAt != null ? vn(messageAt) : t.resolvedAt() != null ? vn(t.resolvedAt()) : vn(t.openedAt());
    boolean passed = "PASSED".equals(i.outcome());
    String outcome = passed ? "thông qua" : "SKIPPED".equals(i.outcome()) ? "không xét" : "không thông qua";
    String votes = i.votesFor() == null ? "" : " (tán thành " + i.votesFor() + ", không tán thành "
        + i.votesAgainst() + ", vắng " + i.votesAbsent() + ", cần " + i.votesRequired() + ")";
    entries.add(new TrailEntry(at, TrailSource.COUNCIL, TrailKind.COUNCIL_TALLY, null, words.body(COUNCIL_GROUP),
        "Hội đồng " + i.sessionKey() + ": " + outcome + votes,
        details("session", i.sessionKey(), "outcome", i.outcome(), "passed", passed, "votesFor", i.votesFor(),
            "votesAgainst", i.votesAgainst(), "votesAbsent", i.votesAbsent(), "votesRequired", i.votesRequired()),
        null, null)
        .plain("Hội đồng xét hồ sơ tại " + TrailWords.session(i.sessionKey()) + ": " + outcome + votes,
            Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1)));
  }

  private void objection(Objection o, List<TrailEntry> entries, boolean showObjectors,
      Function<String, String> nameOf) {
    String objector = showObjectors ? o.objectorName() : HIDDEN;
    String number = o.reference() == null ? "" : " số " + o.reference();
    entries.add(new TrailEntry(vn(o.filedAt()), TrailSource.OBJECTION, TrailKind.OBJECTION_FILED, null,
        showObjectors ? o.objectorName() : "Người phản ánh " + HIDDEN,
        "Nhận phản ánh" + number + " của " + objector + ": " + o.content(),
        details("objectionId", o.id(), "reference", o.reference(), "objectorName", objector, "content",
            o.content()), null, null)
        .plain("Gửi phản ánh" + number + " trong thời gian công khai: " + o.content(), "Chờ xác minh"));
    if (o.reviewedAt() != null) {
      String outcome = "UPHELD".equals(o.status()) ? "phản ánh đúng" : "phản ánh không có cơ sở";
      String finding = o.finding() == null ? "" : ". " + o.finding();
      entries.add(new TrailEntry(vn(o.reviewedAt()), TrailSource.OBJECTION, TrailKind.OBJECTION_REVIEWED,
          o.reviewedBy(), nameOf.apply(o.reviewedBy()) + " xác minh"
              + (o.reference() == null ? "" : " phản ánh số " + o.reference()) + ": " + outcome + " (" + o.status() + "). " + o.finding(),
          details("objectionId", o.id(), "outcome", o.status(), "finding", o.finding(), "reviewer",
              o.reviewedBy()))
          .plain("Xác minh phản ánh" + number + finding, "UPHELD".equals(o.status())
              ? "Phản ánh đúng: không khen thưởng" : "Phản ánh không có cơ sở: tiếp tục công khai"));
    }
  }

  // ---------------------------------------------------------------- helpers

  static OffsetDateTime vn(Date date) {
    return date.toInstant().atZone(VN).toOffsetDateTime();
  }

  static OffsetDateTime vn(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(VN).toOffsetDateTime();
  }

  /** A map of name/value pairs in order, null values kept. */
  static Map<String, Object> details(Object... nameValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put((String) nameValues[i], nameValues[i + 1]);
    }
    return map;
  }
}
