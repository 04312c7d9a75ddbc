package vn.gov.sonla.tdkt.decision;

import java.net.URI;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.DossierStateException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;

/** State-level awards: the province's submission per round, and the central level's decision per dossier. */
@RestController
public class StateSubmissionController {

  public record OpenSubmission(Integer year, Integer round) {}

  public record CentralDecisionRequest(String decidedBy, String decisionNumber, LocalDate decisionDate, Boolean awarded,
      String note) {}

  private final RuntimeService runtime;
  private final StateSubmissionRepository submissions;
  private final DossierRepository dossiers;
  private final CurrentUserProvider currentUser;
  private final EngineAuthentication engineAuthentication;

  private final java.time.Clock clock;

  public StateSubmissionController(RuntimeService runtime, StateSubmissionRepository submissions,
      DossierRepository dossiers, CurrentUserProvider currentUser, EngineAuthentication engineAuthentication,
      java.time.Clock clock) {
    this.clock = clock;
    this.runtime = runtime;
    this.submissions = submissions;
    this.dossiers = dossiers;
    this.currentUser = currentUser;
    this.engineAuthentication = engineAuthentication;
  }

  /**
   * Opens a State-level submission (tờ trình) for a year and round with the dossiers ready for it (home-affairs);
   * answers 201.
   */
  @Created
  @PostMapping("/api/state-submissions")
  @Transactional
  @PreAuthorize("@decisionAccess.canOpenSubmission(authentication)")
  public ResponseEntity<Map<String, Object>> open(@RequestBody OpenSubmission request) {
    List<FieldProblem> problems = new ArrayList<>();
    int thisYear = Year.now(clock).getValue();
    if (request.year() == null || request.year() < thisYear - 1 || request.year() > thisYear + 1) {
      problems.add(new FieldProblem("year", "Năm phải từ " + (thisYear - 1) + " đến " + (thisYear + 1) + "."));
    }
    if (request.round() == null || request.round() < 1 || request.round() > 12) {
      problems.add(new FieldProblem("round", "Đợt phải từ 1 đến 12."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    String key = request.year() + "-R" + request.round();
    if (submissions.find(key).isPresent()) {
      throw new DossierStateException("Tờ trình đợt " + key + " đã được lập.");
    }
    engineAuthentication.asSystem(() ->
        runtime.startProcessInstanceByKey("state-submission", key, Map.of("openedBy", currentUser.get().id())));
    return ResponseEntity.created(URI.create("/api/state-submissions/" + key)).body(view(key));
  }

  /** One State-level submission: its dossiers, state and the central decision when known (provincial bodies). */
  @GetMapping("/api/state-submissions/{key}")
  @PreAuthorize("@decisionAccess.canReadSubmission(authentication)")
  public Map<String, Object> get(@PathVariable String key) {
    return view(key);
  }

  private Map<String, Object> view(String key) {
    var submission = submissions.find(key).orElseThrow(() -> new DossierNotFoundException(key));
    return Map.of("submission", submission, "dossiers", submissions.items(key));
  }

  /** The central level's result, entered by home-affairs; raises {@code CentralDecision}. */
  @PostMapping("/api/dossiers/{code}/central-decision")
  @Transactional
  @PreAuthorize("@decisionAccess.canEnterCentralDecision(authentication)")
  public Map<String, Object> centralDecision(@PathVariable String code, @RequestBody CentralDecisionRequest request) {
    Dossier dossier = dossiers.find(code).orElseThrow(() -> new DossierNotFoundException(code));
    List<FieldProblem> problems = new ArrayList<>();
    if (request.decidedBy() == null || request.decidedBy().isBlank()) {
      problems.add(new FieldProblem("decidedBy", "Chưa nhập cấp quyết định (Chủ tịch nước, Thủ tướng Chính phủ)."));
    }
    if (request.decisionNumber() == null || request.decisionNumber().isBlank()) {
      problems.add(new FieldProblem("decisionNumber", "Chưa nhập số quyết định."));
    }
    if (request.decisionDate() == null || request.decisionDate().isAfter(LocalDate.now(clock).plusDays(1))) {
      problems.add(new FieldProblem("decisionDate", "Ngày quyết định không hợp lệ."));
    }
    if (request.awarded() == null) {
      problems.add(new FieldProblem("awarded", "Chưa nêu kết quả (được khen thưởng hay không)."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    if (dossier.status() != DossierStatus.SUBMITTED_TO_STATE) {
      throw new DossierStateException("Hồ sơ " + code + " không ở trạng thái chờ kết quả cấp Nhà nước.");
    }
    dossiers.recordCentralDecision(code, request.decisionNumber().strip(), request.decidedBy().strip(),
        request.decisionDate());
    engineAuthentication.asSystem(() -> runtime.createMessageCorrelation("CentralDecision")
        .processInstanceBusinessKey(code)
        .setVariable("centralAwarded", request.awarded())
        .setVariable("centralDecisionBy", request.decidedBy().strip())
        .setVariable("centralDecisionNumber", request.decisionNumber().strip())
        .setVariable("centralDecisionDate", request.decisionDate().toString())
        .setVariable("centralDecisionNote", request.note() == null ? "" : request.note().strip())
        .correlateWithResult());
    Dossier after = dossiers.find(code).orElseThrow();
    return Map.of("code", code, "status", after.status().name(), "statusLabel", after.status().label());
  }
}
