package vn.gov.sonla.tdkt.decision;

import java.net.URI;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.DossierStateException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;
import vn.gov.sonla.tdkt.kernel.TaskInputException;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;
import vn.gov.sonla.tdkt.signing.SignatureCheck;
import vn.gov.sonla.tdkt.signing.SignatureVerifier;

/**
 * Decisions by batch (process {@code decision-batch}): Home Affairs opens a round's batch of one award type, the
 * provincial bodies read it, the Chairman and Home Affairs read its proposal and preview its draft decision; and the
 * register of the Chairman's decisions of a year with their PDFs.
 */
@RestController
public class DecisionBatchController {

  public record OpenBatch(Integer year, Integer round, String awardType) {}

  private final RuntimeService runtime;
  private final DecisionBatchRepository batches;
  private final DecisionRepository decisions;
  private final DossierRepository dossiers;
  private final AwardCatalog catalog;
  private final AwardRegistration registration;
  private final BatchDecisionComposer composer;
  private final DecisionDocument document;
  private final CurrentUserProvider currentUser;
  private final EngineAuthentication engineAuthentication;
  private final PersonNames names;
  private final SignatureVerifier verifier;
  private final CalendarProperties calendar;
  private final DecisionProperties properties;

  private final java.time.Clock clock;

  public DecisionBatchController(RuntimeService runtime, DecisionBatchRepository batches,
      DecisionRepository decisions, DossierRepository dossiers, AwardCatalog catalog, AwardRegistration registration,
      BatchDecisionComposer composer, DecisionDocument document, CurrentUserProvider currentUser,
      EngineAuthentication engineAuthentication, PersonNames names, SignatureVerifier verifier,
      CalendarProperties calendar, DecisionProperties properties, java.time.Clock clock) {
    this.clock = clock;
    this.runtime = runtime;
    this.batches = batches;
    this.decisions = decisions;
    this.dossiers = dossiers;
    this.catalog = catalog;
    this.registration = registration;
    this.composer = composer;
    this.document = document;
    this.currentUser = currentUser;
    this.engineAuthentication = engineAuthentication;
    this.names = names;
    this.verifier = verifier;
    this.calendar = calendar;
    this.properties = properties;
  }

  /**
   * Opens the decision batch of a round for one provincial award type (home-affairs): the dossiers of that award
   * type that passed the council in the round (or earlier in the year) and the public notice, waiting for a
   * decision; answers 201 with the batch. 400 when no dossier is ready or the batch already exists.
   */
  @Created
  @PostMapping("/api/decision-batches")
  @Transactional
  @PreAuthorize("@decisionAccess.canOpenBatch(authentication)")
  public ResponseEntity<Map<String, Object>> open(@RequestBody OpenBatch request) {
    CurrentUser user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    int thisYear = Year.now(calendar.zone()).getValue();
    if (request.year() == null || request.year() < thisYear - 1 || request.year() > thisYear + 1) {
      problems.add(new FieldProblem("year", "Năm phải từ " + (thisYear - 1) + " đến " + (thisYear + 1) + "."));
    }
    // the council's rounds (council sessions take 1–999)
    if (request.round() == null || request.round() < 1 || request.round() > 999) {
      problems.add(new FieldProblem("round", "Đợt phải từ 1 đến 999."));
    }
    AwardType award = request.awardType() == null ? null : catalog.find(request.awardType().strip()).orElse(null);
    if (award == null || award.level() != AwardLevel.PROVINCIAL) {
      problems.add(new FieldProblem("awardType", "Hình thức khen thưởng phải là một hình thức cấp tỉnh trong danh"
          + " mục (ví dụ BK_TINH)."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    String key = request.year() + "-R" + request.round() + "-" + award.code();
    // one opening of a batch of this award type at a time: a dossier is proposed in one batch only
    batches.lockAwardType(award.code());
    if (batches.exists(key)) {
      throw new TaskInputException("Đợt quyết định " + key + " đã được lập.");
    }
    long ready = engineAuthentication.asSystem(() -> CollectBatchDossiers.waiting(runtime).stream()
        .map(pi -> dossiers.find(pi.getBusinessKey()).orElse(null))
        .filter(d -> d != null && award.code().equals(d.awardType()) && !batches.isProposed(d.code()))
        .filter(d -> CollectBatchDossiers.ofRound(runtime.getVariable(
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult().getId(),
            "councilSession"), request.year(), request.round()))
        .count());
    if (ready == 0) {
      throw new TaskInputException("Không có hồ sơ " + award.name() + " nào của đợt " + request.round() + " năm "
          + request.year() + " đang chờ quyết định khen thưởng.");
    }
    engineAuthentication.asSystem(() -> runtime.startProcessInstanceByKey("decision-batch", key,
        Map.of("openedBy", user.id())));
    return ResponseEntity.created(URI.create("/api/decision-batches/" + key)).body(view(key));
  }

  /**
   * One decision batch: its dossiers (state in the batch, the Chairman's reason), state, decision number and the
   * links to its proposal, draft and decision PDFs (provincial bodies).
   */
  @GetMapping("/api/decision-batches/{key}")
  @PreAuthorize("@decisionAccess.canReadBatch(authentication)")
  public Map<String, Object> get(@PathVariable String key) {
    return view(key);
  }

  /** The proposal of the Department of Home Affairs (tờ trình) for the batch, PDF (chairman, home-affairs). */
  @GetMapping("/api/decision-batches/{key}/proposal.pdf")
  @PreAuthorize("@decisionAccess.canReadDrafts(authentication)")
  public ResponseEntity<byte[]> proposal(@PathVariable String key) {
    batches.find(key).orElseThrow(() -> new DossierNotFoundException(key));
    byte[] pdf = batches.proposalPdf(key).orElseThrow(() -> new DossierNotFoundException(key));
    return pdf("TTr-" + key + ".pdf", pdf);
  }

  /**
   * A preview of the batch's decision for the dossiers still proposed (draft, no number, not signed), PDF
   * (chairman, home-affairs).
   */
  @GetMapping("/api/decision-batches/{key}/draft.pdf")
  @PreAuthorize("@decisionAccess.canReadDrafts(authentication)")
  public ResponseEntity<byte[]> draft(@PathVariable String key) {
    CurrentUser user = currentUser.get();
    DecisionBatchRepository.Batch batch = batches.find(key).orElseThrow(() -> new DossierNotFoundException(key));
    List<String> codes = batches.codes(key, DecisionBatchRepository.PROPOSED);
    if (codes.isEmpty()) {
      throw new DossierStateException("Đợt " + key + " không còn hồ sơ chờ quyết định.");
    }
    LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
    String signer = user.groups().contains(Groups.CHAIRMAN) ? user.id() : null;
    // the căn cứ lines come from a DMN table: read as the system (people hold no right to evaluate it)
    byte[] pdf = document.render(engineAuthentication.asSystem(() -> composer.compose(batch, codes, null, today,
        signer)));
    return pdf("Du-thao-QD-" + key + ".pdf", pdf);
  }

  /** The Chairman's decisions of a year: number, date, signer, subjects and signature status (provincial bodies). */
  @GetMapping("/api/decisions")
  @PreAuthorize("@decisionAccess.canReadRegister(authentication)")
  public List<Map<String, Object>> decisionsOfYear(@RequestParam int year) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Decision d : decisions.ofYear(year)) {
      String batchKey = decisions.batchKey(d.id());
      List<String> codes = batchKey != null ? batches.codes(batchKey, DecisionBatchRepository.AWARDED)
          : d.dossierCode() == null ? List.of() : List.of(d.dossierCode());
      SignatureCheck check = verifier.verify(decisions.pdf(d.id()));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", d.number());
      row.put("date", d.signedAt().atZoneSameInstant(calendar.zone()).toLocalDate().toString());
      row.put("signedBy", d.signedBy());
      row.put("signerName", names.of(d.signedBy()));
      row.put("batchKey", batchKey);
      row.put("subjects", codes.stream().map(c -> dossiers.find(c).orElseThrow())
          .map(x -> Map.of("code", x.code(), "subjectName", x.subjectName())).toList());
      row.put("signatureValid", check.valid());
      row.put("signatureStatus", check.status().name());
      row.put("pdfUrl", "/api/decisions/" + d.decisionYear() + "/" + d.seq() + ".pdf");
      out.add(row);
    }
    return out;
  }

  /** The issued, signed PDF of the year's decision with that number (provincial bodies). */
  @GetMapping("/api/decisions/{year}/{number}.pdf")
  @PreAuthorize("@decisionAccess.canReadDecision(authentication)")
  public ResponseEntity<byte[]> decisionPdf(@PathVariable int year, @PathVariable int number) {
    Decision decision = decisions.ofYear(year).stream().filter(d -> d.seq() == number)
        .min(Comparator.comparing(d -> d.register().equals(properties.symbol()) ? 0 : 1))
        .orElseThrow(() -> new DossierNotFoundException(number + "/" + year));
    return pdf("QD-" + decision.number().replace("/", "-").replace("Đ", "D") + ".pdf",
        decisions.pdf(decision.id()));
  }

  private static ResponseEntity<byte[]> pdf(String fileName, byte[] pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .body(pdf);
  }

  private Map<String, Object> view(String key) {
    DecisionBatchRepository.Batch batch = batches.find(key).orElseThrow(() -> new DossierNotFoundException(key));
    List<Map<String, Object>> items = new ArrayList<>();
    for (DecisionBatchRepository.Item item : batches.items(key)) {
      Dossier d = dossiers.find(item.dossierCode()).orElseThrow();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", d.code());
      row.put("subjectName", d.subjectName());
      row.put("unitName", registration.unitName(d));
      row.put("state", item.state());
      row.put("reason", item.reason());
      row.put("status", d.status().name());
      items.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", batch.key());
    out.put("year", batch.year());
    out.put("round", batch.round());
    out.put("awardType", batch.awardType());
    out.put("awardTypeName", catalog.get(batch.awardType()).name());
    out.put("status", batch.status());
    out.put("openedBy", batch.openedBy());
    out.put("createdAt", batch.createdAt());
    out.put("decidedBy", batch.decidedBy());
    out.put("decisionNumber", batch.decisionNumber());
    out.put("dossiers", items);
    out.put("proposalUrl", batch.hasProposal() ? "/api/decision-batches/" + key + "/proposal.pdf" : null);
    out.put("draftUrl", "/api/decision-batches/" + key + "/draft.pdf");
    out.put("decisionUrl", decisions.forBatch(key)
        .map(d -> "/api/decisions/" + d.decisionYear() + "/" + d.seq() + ".pdf").orElse(null));
    return out;
  }
}
