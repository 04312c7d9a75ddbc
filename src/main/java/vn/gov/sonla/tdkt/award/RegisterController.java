package vn.gov.sonla.tdkt.award;

import org.springframework.security.access.prepost.PreAuthorize;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;
import vn.gov.sonla.tdkt.kernel.Page;

/**
 * The award register: subject lookup and history, possible duplicates, imports of past years, and the unit-level
 * titles, ratings and initiatives units record for their own people.
 */
@RestController
public class RegisterController {

  public record InitiativeRequest(String title, String scope, String recognisedBy, String documentNumber) {}

  public record UnitRecordRequest(String unitCode, String subjectKind, String name, LocalDate birthDate,
      String citizenId, String position, String workUnit, String role, Integer year, String title,
      String decisionNumber, LocalDate decisionDate, String rating, InitiativeRequest initiative) {}

  public record MergeRequest(String keep, String merge) {}

  public record DistinctRequest(String first, String second) {}

  private final Subjects subjects;
  private final AwardRegister register;
  private final AwardCatalog catalog;
  private final CitizenIds citizenIds;
  private final RegisterImportJobs imports;
  private final CurrentUserProvider currentUser;
  private final Clock clock;
  private UnitRecords unitRecords;

  /** Setter injection, so that the constructor's signature (named in the frozen architecture baseline) stays. */
  @org.springframework.beans.factory.annotation.Autowired
  void setUnitRecords(UnitRecords unitRecords) {
    this.unitRecords = unitRecords;
  }

  public RegisterController(Subjects subjects, AwardRegister register, AwardCatalog catalog, CitizenIds citizenIds,
      RegisterImportJobs imports, CurrentUserProvider currentUser, Clock clock) {
    this.subjects = subjects;
    this.register = register;
    this.catalog = catalog;
    this.citizenIds = citizenIds;
    this.imports = imports;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  // --- lookup ---

  /** Accent-insensitive search by name; a unit's officers see their own unit's subjects. */
  @GetMapping("/api/subjects")
  public Page<Map<String, Object>> search(@RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    List<FieldProblem> problems = new ArrayList<>();
    if (page < 0) {
      problems.add(new FieldProblem("page", "Trang phải từ 0."));
    }
    if (size < 1 || size > 200) {
      problems.add(new FieldProblem("size", "Cỡ trang từ 1 đến 200."));
    }
    if (q.length() > 200) {
      problems.add(new FieldProblem("q", "Từ khóa không được dài quá 200 ký tự."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Tham số tìm kiếm không hợp lệ.", problems);
    }
    CurrentUser user = currentUser.get();
    return subjects.search(q, user.readsAllDossiers() ? null : user.unitCodes(), page, size).map(this::view);
  }

  /** One subject (person or collective) of the award register with its ratings and initiatives. */
  @GetMapping("/api/subjects/{id}")
  public Map<String, Object> subject(@PathVariable String id) {
    Subject s = visible(id);
    Map<String, Object> v = view(s);
    v.put("ratings", register.ratings(s.id()));
    v.put("initiatives", register.initiatives(s.id()));
    return v;
  }

  /** The subject's full award history, newest first. */
  @GetMapping("/api/subjects/{id}/awards")
  public List<Map<String, Object>> awards(@PathVariable String id) {
    Subject s = visible(id);
    return register.history(s.id()).stream().map(a -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.id());
      m.put("year", a.awardYear());
      m.put("awardType", a.awardType());
      m.put("awardName", catalog.find(a.awardType()).map(AwardType::name).orElse(a.awardType()));
      m.put("awardKind", a.awardKind());
      m.put("decisionNumber", a.decisionNumber());
      m.put("decisionDate", a.decisionDate());
      m.put("decidedBy", a.decidedBy());
      m.put("source", a.source());
      m.put("dossierCode", a.dossierCode());
      m.put("subjectRole", a.subjectRole());
      return m;
    }).toList();
  }

  // --- possible duplicates ---

  /** Pairs of register subjects that may be the same person or collective, with the reason (home-affairs). */
  @GetMapping("/api/subjects/duplicates")
  @PreAuthorize("@awardAccess.canReviewDuplicates(authentication)")
  public List<Map<String, Object>> duplicates() {
    return subjects.possibleDuplicates(500).stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("first", view(d.first()));
      m.put("second", view(d.second()));
      m.put("reason", d.reason());
      return m;
    }).toList();
  }

  /**
   * Merges two register subjects found to be the same: the second's awards, ratings and dossiers move to the first
   * (home-affairs).
   */
  @PostMapping("/api/subjects/duplicates/merge")
  @PreAuthorize("@awardAccess.canReviewDuplicates(authentication)")
  @Transactional
  public Map<String, Object> merge(@RequestBody MergeRequest r) {
    if (r.keep() == null || r.merge() == null || r.keep().equals(r.merge())) {
      throw new InvalidInputException("Chọn hai đối tượng khác nhau.", List.of(new FieldProblem("merge",
          "Chọn đối tượng giữ lại (keep) và đối tượng gộp vào (merge).")));
    }
    Subject keep = subjects.find(r.keep()).orElseThrow(() -> new DossierNotFoundException("subject " + r.keep()));
    Subject merged = subjects.find(r.merge()).orElseThrow(() -> new DossierNotFoundException("subject " + r.merge()));
    if (!keep.kind().equals(merged.kind())) {
      throw new InvalidInputException("Không gộp được.", List.of(new FieldProblem("merge",
          "Không gộp cá nhân với tập thể hay hộ gia đình.")));
    }
    subjects.merge(keep.id(), merged.id());
    return subject(keep.id());
  }

  /**
   * Marks two register subjects as different, so that they are no longer offered as possible duplicates (home-
   * affairs).
   */
  @PostMapping("/api/subjects/duplicates/distinct")
  @PreAuthorize("@awardAccess.canReviewDuplicates(authentication)")
  @Transactional
  public ResponseEntity<Void> distinct(@RequestBody DistinctRequest r) {
    CurrentUser user = currentUser.get();
    if (r.first() == null || r.second() == null || subjects.find(r.first()).isEmpty()
        || subjects.find(r.second()).isEmpty() || r.first().equals(r.second())) {
      throw new InvalidInputException("Chọn hai đối tượng có trong sổ.", List.of(new FieldProblem("second",
          "Chọn hai đối tượng khác nhau có trong sổ.")));
    }
    subjects.markDistinct(r.first(), r.second(), user.id());
    return ResponseEntity.noContent().build();
  }

  // --- imports ---

  /** Starts importing award register rows from a CSV or Excel file; answers 202 with the import job to follow. */
  @Created(status = 202)
  @PostMapping("/api/award-imports")
  @PreAuthorize("@awardAccess.canImport(authentication)")
  public ResponseEntity<Map<String, Object>> startImport(@RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String unit) throws IOException {
    CurrentUser user = currentUser.get();
    boolean provincial = AwardAccess.provincial(user);
    List<FieldProblem> problems = new ArrayList<>();
    if (file.isEmpty()) {
      problems.add(new FieldProblem("file", "Chưa chọn tệp (CSV hoặc XLSX)."));
    } else if (file.getSize() > imports.maxFileSize().toBytes()) {
      problems.add(new FieldProblem("file", "Tệp lớn hơn " + imports.maxFileSize().toMegabytes() + " MB."));
    }
    String name = file.getOriginalFilename() == null ? "so-khen-thuong" : file.getOriginalFilename();
    String lower = name.toLowerCase();
    if (!file.isEmpty() && !lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
      problems.add(new FieldProblem("file", "Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx."));
    }
    String defaultUnit = unit == null || unit.isBlank() ? null : unit.strip().toLowerCase();
    if (defaultUnit != null && !provincial && !user.unitCodes().contains(defaultUnit)) {
      problems.add(new FieldProblem("unit", "Bạn không phải cán bộ của đơn vị " + defaultUnit + "."));
    }
    if (defaultUnit == null && !provincial && user.unitCodes().size() == 1) {
      defaultUnit = user.unitCodes().get(0);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Tệp nhập sổ khen thưởng chưa hợp lệ.", problems);
    }
    RegisterImport.Importer who = new RegisterImport.Importer(user.id(),
        provincial ? null : new HashSet<>(user.unitCodes()), defaultUnit);
    RegisterImportJobs.Job job = imports.start(name, file.getBytes(), who, defaultUnit);
    return ResponseEntity.accepted().location(URI.create("/api/award-imports/" + job.id()))
        .body(RegisterImportJobs.view(job));
  }

  /** The state of a register import: rows read, imported and refused with their reasons. */
  @GetMapping("/api/award-imports/{id}")
  public Map<String, Object> importJob(@PathVariable String id) {
    CurrentUser user = currentUser.get();
    RegisterImportJobs.Job job = imports.find(id)
        .filter(j -> j.createdBy().equals(user.id()) || AwardAccess.provincial(user))
        .orElseThrow(() -> new DossierNotFoundException("award-import " + id));
    return RegisterImportJobs.view(job);
  }

  // --- unit-level titles, ratings, initiatives ---

  /**
   * A unit records, for one of its people or collectives, a unit-level title (CSTD_CS, LDTT, TTLDTT), the year's
   * task-completion rating and/or a recognised initiative. Home affairs may record for any unit.
   */
  @Created
  @PostMapping("/api/unit-records")
  public ResponseEntity<Map<String, Object>> unitRecord(@RequestBody UnitRecordRequest r) {
    UnitRecords.Recorded recorded = unitRecords.record(r, currentUser.get());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", subject(recorded.subject().id()));
    body.put("recorded", recorded.added());
    return ResponseEntity.created(URI.create("/api/subjects/" + recorded.subject().id())).body(body);
  }

  private Subject visible(String id) {
    CurrentUser user = currentUser.get();
    return subjects.find(id).filter(s -> user.canRead(s.unitCode()))
        .orElseThrow(() -> new DossierNotFoundException("subject " + id));
  }


  private Map<String, Object> view(Subject s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", s.id());
    v.put("kind", s.kind());
    v.put("name", s.name());
    v.put("birthDate", s.birthDate());
    v.put("unitCode", s.unitCode());
    v.put("workUnit", s.workUnit());
    v.put("position", s.position());
    v.put("role", s.role());
    v.put("hasCitizenId", s.hasCitizenId());
    return v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
