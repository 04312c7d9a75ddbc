package vn.gov.sonla.tdkt.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;

/**
 * A dossier's audit trail and its exports. Who may read follows the dossier: auditors and the
 * provincial bodies read every trail, a unit its own dossiers' trails; others get 404, anonymous
 * callers 401 (the /api/** security chain).
 */
@RestController
@RequestMapping("/api/dossiers/{code}")
public class TrailController {

  private final DossierTrail trail;
  private final TrailExport export;
  private final CurrentUserProvider currentUser;

  public TrailController(DossierTrail trail, TrailExport export, CurrentUserProvider currentUser) {
    this.trail = trail;
    this.export = export;
    this.currentUser = currentUser;
  }

  /**
   * The dossier's audit trail: every step, decision, document and comment, oldest first (whoever may see the dossier).
   */
  @GetMapping("/history")
  public List<TrailEntry> history(@PathVariable String code) {
    return trail.of(code, currentUser.get());
  }

  /** The dossier's audit trail as CSV (UTF-8 with a BOM), for a spreadsheet. */
  @GetMapping("/history.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String code) {
    byte[] body = export.csv(trail.of(code, currentUser.get()));
    return file(body, new MediaType("text", "csv", StandardCharsets.UTF_8), "nhat-ky-" + code + ".csv");
  }

  /** The dossier's audit trail as a PDF, stamped with who printed it and when. */
  @GetMapping("/history.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String code) {
    CurrentUser user = currentUser.get();
    OffsetDateTime now = DossierTrail.vn(ClockUtil.getCurrentTime());
    byte[] body = export.pdf(code, trail.of(code, user), trail.personName(user.id()), now);
    return file(body, MediaType.APPLICATION_PDF, "nhat-ky-" + code + ".pdf");
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
