package vn.gov.sonla.tdkt.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.award.SubjectKey;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.DossierStateException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.GaplessCounter;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;
import vn.gov.sonla.tdkt.kernel.LogContext;
import vn.gov.sonla.tdkt.kernel.VietnameseText;
import vn.gov.sonla.tdkt.signing.SignatureCheck;
import vn.gov.sonla.tdkt.signing.SignatureVerifier;

/**
 * Intake of commendation dossiers: drafts, submission (row, documents and process instance in one
 * transaction), and supplements during appraisal.
 */
@Service
public class DossierService {

  private static final Logger log = LoggerFactory.getLogger(DossierService.class);

  public static final String PROCESS_KEY = "commendation-dossier";
  public static final String SUPPLEMENT_TASK = "Task_Supplement";

  private final DossierRepository dossiers;
  private final DocumentRepository documents;
  private final DossierValidator validator;
  private final DocumentPolicy documentPolicy;
  private final GaplessCounter counter;
  private final AwardCatalog catalog;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final EngineAuthentication engineAuthentication;
  private final vn.gov.sonla.tdkt.identity.InstanceGrants instanceGrants;
  private final AuditLog audit;
  private final DossierStatusListener statusChanges;
  private final SignatureVerifier signatures;
  private final Clock clock;

  public DossierService(DossierRepository dossiers, DocumentRepository documents, DossierValidator validator,
      DocumentPolicy documentPolicy, GaplessCounter counter, AwardCatalog catalog, RuntimeService runtime,
      TaskService tasks, IdentityService identity, EngineAuthentication engineAuthentication, AuditLog audit,
      DossierStatusListener statusChanges, vn.gov.sonla.tdkt.identity.InstanceGrants instanceGrants,
      SignatureVerifier signatures, Clock clock) {
    this.clock = clock;
    this.instanceGrants = instanceGrants;
    this.dossiers = dossiers;
    this.signatures = signatures;
    this.documents = documents;
    this.validator = validator;
    this.documentPolicy = documentPolicy;
    this.counter = counter;
    this.catalog = catalog;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.engineAuthentication = engineAuthentication;
    this.audit = audit;
    this.statusChanges = statusChanges;
  }

  /** A dossier from an intake request; {@code replayed} when an earlier request with the same key created it. */
  public record Intake(Dossier dossier, boolean replayed) {}

  /** Creates a dossier, as a draft or submitted at once. */
  @Transactional
  public Dossier create(DossierRequest request, List<Upload> uploads, boolean draft, CurrentUser user) {
    return create(request, uploads, draft, user, null).dossier();
  }

  /**
   * Creates a dossier, as a draft or submitted at once; with an idempotency key, a request that this
   * user already sent with that key returns the dossier it created (a retry whose first response was
   * lost), and the key used for a different request is refused.
   */
  @Transactional
  public Intake create(DossierRequest request, List<Upload> uploads, boolean draft, CurrentUser user,
      IdempotencyKey key) {
    String fingerprint = key == null ? null : IdempotencyKey.fingerprint(request, uploads, draft);
    if (key != null) {
      Optional<Dossier> earlier = earlier(key, fingerprint, user);
      if (earlier.isPresent()) {
        return new Intake(earlier.get(), true);
      }
    }
    List<FieldProblem> problems = new ArrayList<>();
    String unitCode = resolveUnit(request.unitCode(), user, problems);
    problems.addAll(draft ? validator.checkDraft(request) : validator.checkSubmission(request, typesOf(uploads)));
    problems.addAll(documentPolicy.check(uploads));
    if (!problems.isEmpty()) {
      throw draft ? new InvalidDossierException(problems) : DossierValidator.submissionRefused(problems);
    }
    SubjectKind subjectKind = enumOrNull(SubjectKind.class, request.subjectKind());
    String subjectKey = SubjectKey.of(subjectKind, request.subjectName(), request.birthDate(), unitCode);
    if (dossiers.openDossierExists(subjectKey, request.awardType(), request.year(), null)) {
      throw new DuplicateDossierException();
    }
    String code = "%d-%s-%04d".formatted(request.year(), unitCode,
        counter.next("dossier/" + request.year() + "/" + unitCode));
    OffsetDateTime now = EngineClock.utc(clock);
    Dossier dossier = new Dossier(code, unitCode, trim(request.awardType()),
        enumOrNull(AwardKind.class, request.awardKind()), request.year(), subjectKind, VietnameseText.clean(request.subjectName()),
        request.birthDate(), trim(request.position()), trim(request.workUnit()), trim(request.achievements()),
        DossierStatus.DRAFT, null, null, user.id(), now, null, now);
    DossierRepository.SubjectDetails details = DossierRepository.SubjectDetails.of(request.movementId(),
        request.subjectRole(), request.declaredFacts());
    try {
      dossiers.insert(dossier, subjectKey, details, key == null ? null : key.value(), fingerprint);
    } catch (DuplicateKeyException concurrentDuplicate) {
      throw new DuplicateDossierException();
    }
    store(code, uploads, user, now);
    if (!draft) {
      startProcess(dossier, details.subjectRole(), now);
    }
    return new Intake(dossiers.find(code).orElseThrow(), false);
  }

  /**
   * The dossier that an earlier request with this key created, if that request is the same one (in its own
   * transaction: for a request that lost the race against its twin, whose transaction rolled back).
   */
  @Transactional(readOnly = true)
  public Optional<Intake> replay(DossierRequest request, List<Upload> uploads, boolean draft, CurrentUser user,
      IdempotencyKey key) {
    return earlier(key, IdempotencyKey.fingerprint(request, uploads, draft), user).map(d -> new Intake(d, true));
  }

  private Optional<Dossier> earlier(IdempotencyKey key, String fingerprint, CurrentUser user) {
    return dossiers.findByIdempotencyKey(user.id(), key.value()).map(earlier -> {
      if (!fingerprint.equals(earlier.fingerprint())) {
        throw new IdempotencyKeyReusedException(earlier.code());
      }
      return dossiers.find(earlier.code()).orElseThrow();
    });
  }

  /** Replaces a draft's fields and adds documents. */
  @Transactional
  public Dossier updateDraft(String code, DossierRequest request, List<Upload> uploads, CurrentUser user) {
    Dossier existing = editableDraft(code, user);
    List<FieldProblem> problems = new ArrayList<>(validator.checkDraft(request));
    problems.addAll(documentPolicy.check(uploads));
    if (request.unitCode() != null && !request.unitCode().equals(existing.unitCode())) {
      problems.add(new FieldProblem("unitCode", "Không thể đổi đơn vị đề nghị của hồ sơ."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    SubjectKind subjectKind = enumOrNull(SubjectKind.class, request.subjectKind());
    String subjectKey = SubjectKey.of(subjectKind, request.subjectName(), request.birthDate(), existing.unitCode());
    if (dossiers.openDossierExists(subjectKey, request.awardType(), request.year(), code)) {
      throw new DuplicateDossierException();
    }
    Dossier updated = new Dossier(code, existing.unitCode(), trim(request.awardType()),
        enumOrNull(AwardKind.class, request.awardKind()), request.year(), subjectKind, VietnameseText.clean(request.subjectName()),
        request.birthDate(), trim(request.position()), trim(request.workUnit()), trim(request.achievements()),
        DossierStatus.DRAFT, null, null, existing.createdBy(), existing.createdAt(), null,
        EngineClock.utc(clock));
    try {
      dossiers.updateDraft(updated, subjectKey, DossierRepository.SubjectDetails.of(request.movementId(),
          request.subjectRole(), request.declaredFacts()), EngineClock.utc(clock));
    } catch (DuplicateKeyException concurrentDuplicate) {
      throw new DuplicateDossierException();
    }
    store(code, uploads, user, EngineClock.utc(clock));
    return dossiers.find(code).orElseThrow();
  }

  /** Submits a draft: validates everything and starts the process. */
  @Transactional
  public Dossier submit(String code, CurrentUser user) {
    Dossier draft = editableDraft(code, user);
    DossierRequest asRequest = new DossierRequest(draft.unitCode(), draft.awardType(),
        draft.awardKind() == null ? null : draft.awardKind().name(), draft.awardYear(),
        draft.subjectKind() == null ? null : draft.subjectKind().name(), draft.subjectName(), draft.subjectBirthDate(),
        draft.subjectPosition(), draft.subjectWorkUnit(), draft.achievements(), dossiers.movementId(code),
        dossiers.subjectRole(code), dossiers.declaredFacts(code));
    Set<DocumentType> present = documents.list(code).stream().map(StoredDocument::type)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentType.class)));
    List<FieldProblem> problems = validator.checkSubmission(asRequest, present);
    if (!problems.isEmpty()) {
      throw DossierValidator.submissionRefused(problems);
    }
    startProcess(draft, asRequest.subjectRole(), EngineClock.utc(clock));
    return dossiers.find(code).orElseThrow();
  }

  /**
   * Stores the supplementary documents and completes the unit's supplement task, which sends the
   * dossier back to appraisal. The task is completed under the officer's engine authentication.
   */
  @Transactional
  public Dossier supplement(String code, String note, List<Upload> uploads, CurrentUser user) {
    Dossier dossier = visible(code, user);
    if (!user.isOfficerOf(dossier.unitCode())) {
      throw new DossierNotFoundException(code);
    }
    List<FieldProblem> problems = new ArrayList<>(documentPolicy.check(uploads));
    if (uploads.isEmpty()) {
      problems.add(new FieldProblem("documents", "Chưa tải lên tài liệu bổ sung."));
    }
    if (note == null || note.isBlank()) {
      problems.add(new FieldProblem("note", "Chưa nhập nội dung đã bổ sung."));
    } else if (note.length() > 4000) {
      problems.add(new FieldProblem("note", "Nội dung bổ sung không được dài quá 4000 ký tự."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(SUPPLEMENT_TASK)
        .singleResult();
    if (task == null) {
      throw new DossierStateException("Hồ sơ " + code + " không ở bước chờ bổ sung.");
    }
    store(code, uploads, user, EngineClock.utc(clock));
    tasks.complete(task.getId(), Variables.createVariables().putValue("supplementNote", note.strip())
        .putValue("documents", documentsVariable(code))
        .putValue("supplementDocuments", supplementDocumentsVariable(code, task)));
    return dossiers.find(code).orElseThrow();
  }

  /**
   * The unit's open supplement task on its dossier, with what Home Affairs asked for and the files added since the
   * request: only the dossier's unit (others: not found), only while the task is open (otherwise a conflict).
   */
  @Transactional(readOnly = true)
  public SupplementRound supplementRound(String code, CurrentUser user) {
    ownDossier(code, user);
    return round(code, openSupplementTask(code));
  }

  /**
   * Adds supplementary documents (type SUPPLEMENT) to a dossier whose supplement task is open, without completing the
   * task: the unit completes it in Tasklist with its note. The process's {@code documents} variable is refreshed, so
   * that the task forms list the new files. Only the dossier's unit (others: not found), only while the task is open
   * (otherwise a conflict); nothing is stored when refused.
   */
  @Transactional
  public SupplementRound addSupplementDocuments(String code, List<Upload> uploads, CurrentUser user) {
    ownDossier(code, user);
    Task task = openSupplementTask(code);
    List<FieldProblem> problems = new ArrayList<>(documentPolicy.check(uploads));
    if (uploads.isEmpty()) {
      problems.add(new FieldProblem("files", "Chưa chọn tệp tài liệu bổ sung."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    store(code, uploads, user, EngineClock.utc(clock));
    // the forms list the new files: the whole list, and this round's for the next appraisal
    engineAuthentication.asSystem(() -> {
      runtime.setVariables(task.getProcessInstanceId(), Variables.createVariables()
          .putValue("documents", documentsVariable(code))
          .putValue("supplementDocuments", supplementDocumentsVariable(code, task)));
      return null;
    });
    return round(code, task);
  }

  private Dossier ownDossier(String code, CurrentUser user) {
    Dossier dossier = visible(code, user);
    if (!user.isOfficerOf(dossier.unitCode())) {
      throw new DossierNotFoundException(code);
    }
    return dossier;
  }

  /** The dossier's open supplement task (read as the system, after the unit check), or a conflict. */
  private Task openSupplementTask(String code) {
    Task task = engineAuthentication.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(SUPPLEMENT_TASK).singleResult());
    if (task == null) {
      throw new DossierStateException("Hồ sơ " + code + " không có yêu cầu bổ sung đang mở: chỉ tải tài liệu bổ sung"
          + " lên khi Sở Nội vụ đề nghị bổ sung và nhiệm vụ bổ sung chưa hoàn thành.");
    }
    return task;
  }

  private SupplementRound round(String code, Task task) {
    OffsetDateTime requested = OffsetDateTime.ofInstant(task.getCreateTime().toInstant(), ZoneOffset.UTC);
    Object missing = engineAuthentication.asSystem(() -> tasks.getVariable(task.getId(), "missingItems"));
    List<StoredDocument> added = documents.list(code).stream()
        .filter(d -> !d.uploadedAt().isBefore(requested)).toList();
    return new SupplementRound(code, task.getId(), "/camunda/app/tasklist/default/#/?task=" + task.getId(),
        requested, task.getDueDate() == null ? null
            : OffsetDateTime.ofInstant(task.getDueDate().toInstant(), ZoneOffset.UTC),
        missing == null ? null : missing.toString(), added);
  }

  /** The decision's issuance in commendation-dossier, a job after the Chairman's approval. */
  static final String ISSUE_DECISION = "Task_IssueDecision";

  /**
   * The proposing unit withdraws its dossier before a decision: a draft is closed at once; a
   * submitted dossier's process receives {@code DossierWithdrawn}, except while the decision the Chairman took is
   * being issued (a job). Correlated as the system after the unit check, since officers hold no rights on process
   * instances.
   */
  @Transactional
  public Dossier withdraw(String code, String reason, CurrentUser user) {
    Dossier dossier = visible(code, user);
    if (!user.isOfficerOf(dossier.unitCode())) {
      throw new DossierNotFoundException(code);
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidDossierException(List.of(new FieldProblem("reason", "Chưa nêu lý do rút hồ sơ.")));
    }
    if (reason.length() > 2000) {
      throw new InvalidDossierException(List.of(new FieldProblem("reason", "Lý do không được dài quá 2000 ký tự.")));
    }
    switch (dossier.status()) {
      case AWARDED, NOT_AWARDED, RETURNED, WITHDRAWN ->
          throw new DossierStateException("Hồ sơ " + code + " đã kết thúc (" + dossier.status().label()
              + "), không thể rút.");
      case DRAFT -> statusChanges.change(code, DossierStatus.WITHDRAWN, reason.strip());
      case AWAITING_DECISION -> {
        // the Chairman approved: the decision is being issued (an asynchronous job, docs/pipeline.md)
        long issuing = engineAuthentication.asSystem(() -> runtime.createExecutionQuery()
            .processInstanceBusinessKey(code).activityId(ISSUE_DECISION).count());
        if (issuing > 0) {
          throw new DossierStateException("Hồ sơ " + code + " đã được Chủ tịch UBND tỉnh quyết định khen thưởng,"
              + " quyết định đang được ban hành: không thể rút.");
        }
        engineAuthentication.asSystem(() -> runtime.createMessageCorrelation("DossierWithdrawn")
            .processInstanceBusinessKey(code)
            .setVariable("withdrawalReason", reason.strip())
            .setVariable("withdrawnBy", user.id())
            .correlateWithResult());
      }
      default -> engineAuthentication.asSystem(() -> runtime.createMessageCorrelation("DossierWithdrawn")
          .processInstanceBusinessKey(code)
          .setVariable("withdrawalReason", reason.strip())
          .setVariable("withdrawnBy", user.id())
          .correlateWithResult());
    }
    return dossiers.find(code).orElseThrow();
  }

  /** The dossier if the user may see it. */
  public Dossier visible(String code, CurrentUser user) {
    return dossiers.find(code).filter(d -> user.canRead(d.unitCode()))
        .orElseThrow(() -> new DossierNotFoundException(code));
  }

  private Dossier editableDraft(String code, CurrentUser user) {
    Dossier dossier = visible(code, user);
    if (!user.isOfficerOf(dossier.unitCode())) {
      throw new DossierNotFoundException(code);
    }
    if (dossier.status() != DossierStatus.DRAFT) {
      throw new DossierStateException("Hồ sơ " + code + " đã nộp, không thể sửa như bản nháp.");
    }
    return dossier;
  }

  private String resolveUnit(String requested, CurrentUser user, List<FieldProblem> problems) {
    List<String> units = user.unitCodes();
    if (requested != null && !requested.isBlank()) {
      if (!units.contains(requested.strip())) {
        problems.add(new FieldProblem("unitCode", "Bạn không phải cán bộ của đơn vị " + requested + "."));
        return requested.strip();
      }
      return requested.strip();
    }
    if (units.size() == 1) {
      return units.get(0);
    }
    problems.add(new FieldProblem("unitCode", units.isEmpty()
        ? "Tài khoản không thuộc đơn vị đề nghị khen thưởng nào."
        : "Chọn đơn vị đề nghị (" + String.join(", ", units) + ")."));
    return "";
  }

  private void store(String code, List<Upload> uploads, CurrentUser user, OffsetDateTime now) {
    for (Upload upload : uploads) {
      // digital signatures of PDFs are verified at intake; the appraiser sees valid, invalid or unsigned
      // (PDFBox reads a PDF whole: one document at a time is in memory, only for PDFs; the rest is streamed)
      SignatureCheck signature = signatures.verify(upload.pdfBytes());
      StoredDocument doc = new StoredDocument(UUID.randomUUID().toString(), code, upload.type(),
          safeFileName(upload.fileName()), upload.contentType().toLowerCase(), upload.size(),
          upload.sha256(), user.id(), now, signature.status().name(), clip(signature.signer()),
          clip(signature.problem()));
      documents.insert(doc, upload.content());
      audit.append(code, AuditLog.DOCUMENT_ADDED, AuditLog.detail("id", doc.id(), "name", doc.fileName(),
          "type", doc.type(), "sha256", doc.sha256(), "size", doc.sizeBytes(), "signature", doc.signatureStatus()));
    }
  }

  private static String clip(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300);
  }

  private void startProcess(Dossier dossier, String subjectRole, OffsetDateTime now) {
    AwardType award = catalog.get(dossier.awardType());
    String unitName = unitName(dossier.unitCode());
    VariableMap variables = Variables.createVariables()
        .putValue("dossierCode", dossier.code())
        .putValue("unitCode", dossier.unitCode())
        .putValue("unitGroup", dossier.unitGroup())
        .putValue("unitName", unitName)
        .putValue("awardType", award.code())
        .putValue("awardTypeName", award.name())
        .putValue("awardLevel", award.level().name())
        .putValue("awardKind", dossier.awardKind().name())
        .putValue("awardKindLabel", dossier.awardKind().label())
        .putValue("awardYear", dossier.awardYear())
        .putValue("subjectKind", dossier.subjectKind().name())
        .putValue("subjectKindLabel", dossier.subjectKind().label())
        .putValue("subjectName", dossier.subjectName())
        .putValue("subjectDetails", dossier.subjectDetails())
        .putValue("subjectRole", subjectRole)
        .putValue("achievements", dossier.achievements())
        .putValue("documents", documentsVariable(dossier.code()))
        .putValue("dossierUrl", "/dossiers/view.html?code=" + dossier.code());
    LogContext.dossier(dossier.code());
    // started by the application for the officer (the start user) after its own checks: no one holds the right
    // to start a dossier's process (issue 15)
    String processInstanceId = engineAuthentication.withoutChecks(
        () -> runtime.startProcessInstanceByKey(PROCESS_KEY, dossier.code(), variables).getId());
    instanceGrants.read(dossier.unitGroup(), processInstanceId);
    dossiers.markSubmitted(dossier.code(), processInstanceId, now);
    log.info("Dossier {} of unit {} submitted for {} (process instance {})", dossier.code(), dossier.unitCode(),
        award.code(), processInstanceId);
  }

  /** The document list shown in task forms (links go through the authorising download endpoint). */
  Object documentsVariable(String code) {
    return DocumentsVariable.of(code, documents.list(code));
  }

  /** The files added since the supplement task was created, for the next appraisal's form. */
  private Object supplementDocumentsVariable(String code, Task supplementTask) {
    return DocumentsVariable.since(code, documents.list(code),
        OffsetDateTime.ofInstant(supplementTask.getCreateTime().toInstant(), ZoneOffset.UTC));
  }

  private String unitName(String unitCode) {
    var group = identity.createGroupQuery().groupId("unit-" + unitCode).singleResult();
    return group == null ? unitCode : group.getName();
  }

  private static Set<DocumentType> typesOf(List<Upload> uploads) {
    return uploads.stream().map(Upload::type)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentType.class)));
  }

  public static String sha256(byte[] bytes) {
    return org.apache.commons.codec.digest.DigestUtils.sha256Hex(bytes);
  }

  private static String safeFileName(String name) {
    if (name == null || name.isBlank()) {
      return "tai-lieu";
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
    return base.length() > 255 ? base.substring(base.length() - 255) : base;
  }

  /** The constant a draft's field names, null when the field is empty (the validator refused any other value). */
  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

}
