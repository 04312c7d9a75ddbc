package vn.gov.sonla.tdkt.dossier;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;
import vn.gov.sonla.tdkt.kernel.Page;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * Dossier intake and reading. Creating and updating take multipart requests: a JSON part
 * {@code dossier} with the fields, and one file part per document named after its type
 * ({@code PROPOSAL_LETTER}, {@code ACHIEVEMENT_REPORT}, …; a type may repeat).
 */
@RestController
@RequestMapping("/api/dossiers")
public class DossierController {

  private static final String DOSSIER_PART = "dossier";

  private final DossierService service;
  private final DossierRepository dossiers;
  private final DocumentRepository documents;
  private final AwardCatalog catalog;
  private final CurrentUserProvider currentUser;
  private final RuntimeService runtime;
  private final EngineAuthentication engineAuthentication;
  private final DecisionLookup decisions;
  private final org.camunda.bpm.engine.IdentityService identity;
  private final PersonNames names;
  private ProcedureDeadline procedureDeadline;

  /**
   * Setter injection, so that the constructor's signature (named in the frozen architecture baseline) stays as it
   * was.
   */
  @org.springframework.beans.factory.annotation.Autowired
  void setProcedureDeadline(ProcedureDeadline procedureDeadline) {
    this.procedureDeadline = procedureDeadline;
  }

  public DossierController(DossierService service, DossierRepository dossiers, DocumentRepository documents,
      AwardCatalog catalog, CurrentUserProvider currentUser, RuntimeService runtime,
      EngineAuthentication engineAuthentication, DecisionLookup decisions,
      org.camunda.bpm.engine.IdentityService identity, PersonNames names) {
    this.names = names;
    this.service = service;
    this.dossiers = dossiers;
    this.documents = documents;
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.runtime = runtime;
    this.engineAuthentication = engineAuthentication;
    this.decisions = decisions;
    this.identity = identity;
  }

  /**
   * Creates (and unless {@code draft} submits) a dossier. A client that may have to send the request again
   * (its response lost) sends a header {@code Idempotency-Key}: the same request with the same key then
   * answers 201 with the dossier the first one created (header {@code Idempotent-Replayed: true}); the key
   * reused for a different request is refused with 422.
   */
  @Created
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<DossierView> create(@RequestPart("dossier") DossierRequest dossier,
      @RequestParam(name = "draft", defaultValue = "false") boolean draft,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
      MultipartHttpServletRequest request) {
    IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
    List<Upload> uploads = uploads(request, false);
    CurrentUser user = currentUser.get();
    DossierService.Intake intake;
    try {
      intake = service.create(dossier, uploads, draft, user, key);
    } catch (DuplicateDossierException duplicate) {
      // the same request sent twice at once: this one waited for its twin's commit, then met its unique index
      intake = key == null ? null : service.replay(dossier, uploads, draft, user, key).orElse(null);
      if (intake == null) {
        throw duplicate;
      }
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/dossiers/" + intake.dossier().code()));
    if (intake.replayed()) {
      response.header(IdempotencyKey.REPLAYED_HEADER, "true");
    }
    return response.body(view(intake.dossier()));
  }

  /**
   * Changes a draft dossier: its fields (part dossier, JSON) and added documents (file parts); only its unit's
   * officers.
   */
  @PreAuthorize("@dossierAccess.canWork(authentication, #code)")
  @PutMapping(path = "/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public DossierView updateDraft(@PathVariable String code, @RequestPart("dossier") DossierRequest dossier,
      MultipartHttpServletRequest request) {
    return view(service.updateDraft(code, dossier, uploads(request, false), currentUser.get()));
  }

  /** Submits a draft dossier: checks every field and required document, then starts its appraisal. */
  @PreAuthorize("@dossierAccess.canWork(authentication, #code)")
  @PostMapping("/{code}/submission")
  public DossierView submit(@PathVariable String code) {
    return view(service.submit(code, currentUser.get()));
  }

  /** Supplementary documents (file parts, any name) and a note; completes the unit's supplement task. */
  @PreAuthorize("@dossierAccess.canWork(authentication, #code)")
  @PostMapping(path = "/{code}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public DossierView supplement(@PathVariable String code, @RequestParam(name = "note", required = false) String note,
      MultipartHttpServletRequest request) {
    return view(service.supplement(code, note, uploads(request, true), currentUser.get()));
  }

  /**
   * The open supplement request of the unit's dossier: the Tasklist task (and its address), what Home Affairs asked
   * for, the due date and the files added since the request; only the dossier's unit, only while the task is open.
   */
  @PreAuthorize("@dossierAccess.canWork(authentication, #code)")
  @GetMapping("/{code}/supplement-documents")
  public SupplementView supplementDocuments(@PathVariable String code) {
    return supplementView(service.supplementRound(code, currentUser.get()));
  }

  /**
   * Adds supplementary documents (file parts, any name, stored as SUPPLEMENT) while the unit's supplement task is
   * open, without completing it: the unit then completes the task in Tasklist with its note.
   */
  @PreAuthorize("@dossierAccess.canWork(authentication, #code)")
  @PostMapping(path = "/{code}/supplement-documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public SupplementView addSupplementDocuments(@PathVariable String code, MultipartHttpServletRequest request) {
    return supplementView(service.addSupplementDocuments(code, uploads(request, true), currentUser.get()));
  }

  /**
   * A supplement request as the upload page shows it: {@code tasklistUrl} reopens the task in Tasklist;
   * {@code added}: the files uploaded since the request.
   */
  public record SupplementView(String dossierCode, String taskId, String tasklistUrl,
      java.time.OffsetDateTime requestedAt, java.time.OffsetDateTime due, String missingItems,
      List<DossierView.DocumentView> added) {}

  private SupplementView supplementView(SupplementRound r) {
    return new SupplementView(r.dossierCode(), r.taskId(), r.tasklistUrl(), r.requestedAt(), r.due(),
        r.missingItems(), r.added().stream().map(doc -> documentView(r.dossierCode(), doc)).toList());
  }

  /** Withdrawal by the proposing unit, with a reason: {"reason": "..."}. */
  @PreAuthorize("@dossierAccess.canWork(authentication, #code)")
  @PostMapping("/{code}/withdrawal")
  public DossierView withdraw(@PathVariable String code, @org.springframework.web.bind.annotation.RequestBody
      Map<String, String> body) {
    return view(service.withdraw(code, body == null ? null : body.get("reason"), currentUser.get()));
  }

  /**
   * The dossiers the user may see (a unit's officers: their unit's), filtered by status, unit, year and award, newest
   * first, by page.
   */
  @GetMapping
  public Page<DossierView.Summary> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String awardType, @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    List<FieldProblem> problems = new ArrayList<>();
    String text = q == null || q.isBlank() ? null : VietnameseText.fold(q.strip());
    if (text != null && text.length() > 200) {
      problems.add(new FieldProblem("q", "Nội dung tìm kiếm dài quá 200 ký tự."));
    }
    DossierFilter.Order order = null;
    if (sort != null && !sort.isBlank()) {
      order = DossierValidator.parse(DossierFilter.Order.class, sort).orElse(null);
      if (order == null) {
        problems.add(new FieldProblem("sort", "Cách sắp xếp không hợp lệ: " + sort
            + " (NEWEST, OLDEST, CODE, SUBJECT hoặc STATUS)."));
      }
    }
    DossierStatus statusFilter = null;
    if (status != null && !status.isBlank()) {
      statusFilter = DossierValidator.parse(DossierStatus.class, status).orElse(null);
      if (statusFilter == null) {
        problems.add(new FieldProblem("status", "Trạng thái không hợp lệ: " + status + "."));
      }
    }
    if (page < 0) {
      problems.add(new FieldProblem("page", "Số trang phải từ 0 trở lên."));
    }
    if (size < 1 || size > 200) {
      problems.add(new FieldProblem("size", "Số hồ sơ mỗi trang phải từ 1 đến 200."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    CurrentUser user = currentUser.get();
    List<String> visibleUnits = user.readsAllDossiers() ? null : user.unitCodes();
    java.util.Map<String, String> units = names.units();
    return dossiers.search(new DossierFilter(statusFilter, blankToNull(unit), year, blankToNull(awardType), text, order),
        visibleUnits, page, size).map(d -> DossierView.Summary.of(d, units.getOrDefault(d.unitCode(), d.unitCode()),
            catalog.find(d.awardType()).map(a -> a.name()).orElse(d.awardType())));
  }

  /**
   * The units whose dossiers the user may list, with their names (the unit filter of the dossier list): every unit
   * for the provincial bodies, the user's own for a unit's officers.
   */
  @GetMapping("/units")
  public List<java.util.Map<String, String>> units() {
    CurrentUser user = currentUser.get();
    return names.units().entrySet().stream()
        .filter(u -> user.readsAllDossiers() || user.unitCodes().contains(u.getKey()))
        .sorted(java.util.Map.Entry.comparingByValue(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))))
        .map(u -> java.util.Map.of("code", u.getKey(), "name", u.getValue()))
        .toList();
  }

  /** One dossier with its status, documents, steps, deadlines and decision. */
  @PreAuthorize("@dossierAccess.canRead(authentication, #code)")
  @GetMapping("/{code}")
  public DossierView get(@PathVariable String code) {
    return view(service.visible(code, currentUser.get()));
  }

  /** One document of a dossier, as uploaded, with its SHA-256. */
  @PreAuthorize("@dossierAccess.canRead(authentication, #code)")
  @GetMapping("/{code}/documents/{id}")
  public ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable String id) {
    service.visible(code, currentUser.get());
    StoredDocument doc = documents.find(code, id).orElseThrow(() -> new DossierNotFoundException(code));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(doc.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(doc.fileName(), java.nio.charset.StandardCharsets.UTF_8).build()
                .toString())
        .header("X-Content-SHA256", doc.sha256())
        .body(documents.content(doc.id()));
  }

  private DossierView view(Dossier d) {
    List<DossierView.DocumentView> docs = documents.list(d.code()).stream()
        .map(doc -> documentView(d.code(), doc))
        .toList();
    var group = identity.createGroupQuery().groupId(d.unitGroup()).singleResult();
    return new DossierView(d.code(), d.unitCode(), group == null ? d.unitCode() : group.getName(), d.awardType(),
        catalog.find(d.awardType()).map(a -> a.name()).orElse(d.awardType()), d.awardKind(), d.awardYear(),
        d.subjectKind(), d.subjectName(), d.subjectBirthDate(), d.subjectPosition(), d.subjectWorkUnit(),
        d.achievements(), dossiers.subjectRole(d.code()), dossiers.declaredFacts(d.code()), d.status(),
        d.status().label(), d.statusReason(), currentSteps(d), docs,
        decisions.forDossier(d.code()).orElse(null), d.createdBy(), names.of(d.createdBy()), d.createdAt(),
        d.submittedAt(), procedureDeadline.of(d));
  }

  private DossierView.DocumentView documentView(String code, StoredDocument doc) {
    return new DossierView.DocumentView(doc.id(), doc.type(), doc.type().label(), doc.fileName(),
        doc.contentType(), doc.sizeBytes(), doc.sha256(), doc.uploadedBy(), names.of(doc.uploadedBy()),
        doc.uploadedAt(),
        "/api/dossiers/" + code + "/documents/" + doc.id(), doc.signatureStatus(),
        doc.signatureStatus() == null ? "Chưa kiểm tra chữ ký số"
            : vn.gov.sonla.tdkt.signing.SignatureCheck.Status.valueOf(doc.signatureStatus()).label(),
        doc.signatureSigner(), doc.signatureProblem());
  }

  /** Names of the activities the dossier's process is at now (the engine is the source of truth). */
  private List<String> currentSteps(Dossier d) {
    if (d.processInstanceId() == null) {
      return List.of();
    }
    return engineAuthentication.asSystem(() -> {
      ActivityInstance root = runtime.getActivityInstance(d.processInstanceId());
      List<String> names = new ArrayList<>();
      if (root != null) {
        collectLeaves(root, names);
      }
      return names;
    });
  }

  private static void collectLeaves(ActivityInstance instance, List<String> names) {
    if (instance.getChildActivityInstances().length == 0 && instance.getParentActivityInstanceId() != null) {
      names.add(instance.getActivityName() != null ? instance.getActivityName() : instance.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collectLeaves(child, names);
    }
  }

  /** File parts: named by document type, or (for supplements) any name, stored as SUPPLEMENT. */
  private static List<Upload> uploads(MultipartHttpServletRequest request, boolean supplement) {
    List<Upload> uploads = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
      if (DOSSIER_PART.equals(part.getKey())) {
        continue; // the JSON fields, sent as a file part by some clients (curl -F dossier=@x.json)
      }
      DocumentType type = supplement ? DocumentType.SUPPLEMENT
          : DossierValidator.parse(DocumentType.class, part.getKey()).orElse(null);
      if (type == null) {
        problems.add(new FieldProblem("documents." + part.getKey(), "Loại tài liệu không hợp lệ: " + part.getKey() + "."));
        continue;
      }
      for (MultipartFile file : part.getValue()) {
        // streamed from Tomcat's temporary file (file-size-threshold 0B), never read whole into memory
        uploads.add(new Upload(type, file.getOriginalFilename(), file.getContentType(), file.getSize(), file));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    return uploads;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
