package vn.gov.sonla.tdkt.plan;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.DossierStateException;

/** Yearly plans: home-affairs uploads a plan file (YAML); everyone at provincial level reads the progress. */
@RestController
public class PlanController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final PlanOpening opening;
  private final PlanStore store;
  private final RuntimeService runtime;
  private final CurrentUserProvider currentUser;
  private final EngineAuthentication engineAuthentication;

  private final Clock clock;

  public PlanController(PlanOpening opening, PlanStore store, RuntimeService runtime, CurrentUserProvider currentUser,
      EngineAuthentication engineAuthentication, Clock clock) {
    this.clock = clock;
    this.opening = opening;
    this.store = store;
    this.runtime = runtime;
    this.currentUser = currentUser;
    this.engineAuthentication = engineAuthentication;
  }

  /**
   * Uploads a year's plan (the YAML file as the request body): validated whole, then recorded and
   * started as {@code annual-plan} with business key = the year, in one transaction.
   */
  @Created
  @PostMapping(path = "/api/plans", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
  @Transactional
  @PreAuthorize("@planAccess.canUpload(authentication)")
  public ResponseEntity<Map<String, Object>> upload(@RequestBody byte[] body) {
    String yaml = new String(body, StandardCharsets.UTF_8);
    Plan plan = opening.parse(yaml);
    if (store.exists(plan.year())) {
      throw new DossierStateException("Kế hoạch năm " + plan.year() + " đã được mở.");
    }
    opening.open(yaml, "UPLOADED");
    engineAuthentication.asSystem(() -> runtime.startProcessInstanceByMessage("PlanUploaded",
        String.valueOf(plan.year()), Map.of("planYear", plan.year(), "uploadedBy", currentUser.get().id())));
    return ResponseEntity.created(URI.create("/api/plans/" + plan.year())).body(view(plan.year()));
  }

  /** The year's commendation plan with its items, their due dates, lead units and progress. */
  @GetMapping("/api/plans/{year}")
  @PreAuthorize("@planAccess.canRead(authentication)")
  public Map<String, Object> get(@PathVariable int year) {
    requirePlan(year);
    return view(year);
  }

  /** The plan's items as CSV (UTF-8 with a BOM, for Excel), columns as {@link PlanExport#HEADER}. */
  @GetMapping("/api/plans/{year}/export.csv")
  @PreAuthorize("@planAccess.canRead(authentication)")
  public ResponseEntity<byte[]> exportCsv(@PathVariable int year) {
    requirePlan(year);
    return attachment("ke-hoach-" + year + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
        PlanExport.csv(progress(year)));
  }

  /** The plan's items as an Excel workbook, one sheet "Kế hoạch {year}". */
  @GetMapping("/api/plans/{year}/export.xlsx")
  @PreAuthorize("@planAccess.canRead(authentication)")
  public ResponseEntity<byte[]> exportXlsx(@PathVariable int year) {
    requirePlan(year);
    return attachment("ke-hoach-" + year + ".xlsx", XLSX, PlanExport.xlsx(year, progress(year)));
  }

  private void requirePlan(int year) {
    if (!store.exists(year)) {
      throw new DossierNotFoundException(String.valueOf(year), "Chưa có kế hoạch năm " + year + ".");
    }
  }

  private static ResponseEntity<byte[]> attachment(String filename, MediaType type, byte[] body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .contentType(type)
        .body(body);
  }

  private PlanProgress progress(int year) {
    return PlanProgress.of(store.items(year), PlanProgress.today(Date.from(clock.instant())));
  }

  private Map<String, Object> view(int year) {
    List<PlanStore.ItemStatus> items = store.items(year);
    PlanProgress progress = PlanProgress.of(items, PlanProgress.today(Date.from(clock.instant())));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("year", year);
    view.put("items", progress.items());
    view.put("done", items.stream().filter(i -> "DONE".equals(i.status())).count());
    view.put("overdue", items.stream().filter(PlanStore.ItemStatus::overdue).count());
    view.put("total", items.size());
    view.put("summary", progress.summary());
    view.put("byQuarter", progress.byQuarter());
    view.put("byUnit", progress.byUnit());
    return view;
  }

  @ExceptionHandler(PlanValidationException.class)
  ProblemDetail invalidPlan(PlanValidationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Tệp kế hoạch có " + e.errors().size() + " lỗi; kế hoạch chưa được mở.");
    problem.setType(URI.create("https://sonla.gov.vn/tdkt/problems/invalid-plan"));
    problem.setTitle("Kế hoạch không hợp lệ");
    problem.setProperty("errors", e.errors());
    return problem;
  }
}
