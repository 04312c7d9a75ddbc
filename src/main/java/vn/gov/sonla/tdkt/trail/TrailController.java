package vn.gov.sonla.tdkt.trail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  private final Clock clock;

  public TrailController(DossierTrail trail, TrailExport export, CurrentUserProvider currentUser, Clock clock) {
    this.clock = clock;
    this.trail = trail;
    this.export = export;
    this.currentUser = currentUser;
  }

  /**
   * The dossier's audit trail, oldest first (whoever may see the dossier): {@code view=plain} the plain-language
   * timeline of who did what, when, with what result; {@code view=full} (default) every technical record as well.
   */
  @GetMapping("/history")
  public List<?> history(@PathVariable String code, @RequestParam(required = false) String view) {
    boolean plain = plain(view);
    List<TrailEntry> entries = trail.of(code, currentUser.get());
    return plain ? DossierTrail.timeline(entries) : entries;
  }

  /**
   * {@code view=plain}: the plain-language timeline (who did what, when, with what result: {@link TimelineRow});
   * {@code full} (the default): the whole technical record ({@link TrailEntry}). Anything else is a Vietnamese 400.
   */
  private static boolean plain(String view) {
    if (view == null || view.isBlank() || view.equals("full")) {
      return false;
    }
    if (view.equals("plain")) {
      return true;
    }
    org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
        org.springframework.http.HttpStatus.BAD_REQUEST, "Cách xem nhật ký không hợp lệ.");
    problem.setType(java.net.URI.create("https://sonla.gov.vn/tdkt/problems/invalid-input"));
    problem.setTitle("Dữ liệu không hợp lệ");
    problem.setProperty("errors", List.of(java.util.Map.of("field", "view",
        "message", "Cách xem nhật ký phải là plain (dòng thời gian) hoặc full (bản ghi đầy đủ).")));
    throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.BAD_REQUEST, problem,
        null);
  }

  /** The dossier's audit trail as CSV (UTF-8 with a BOM), for a spreadsheet; {@code view} as for the trail. */
  @GetMapping("/history.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) String view) {
    boolean plain = plain(view);
    List<TrailEntry> entries = trail.of(code, currentUser.get());
    byte[] body = plain ? export.csv(DossierTrail.timeline(entries), true) : export.csv(entries);
    return file(body, new MediaType("text", "csv", StandardCharsets.UTF_8), "nhat-ky-" + code + ".csv");
  }

  /** The dossier's audit trail as a PDF, stamped with who printed it and when; {@code view} as for the trail. */
  @GetMapping("/history.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) String view) {
    boolean plain = plain(view);
    CurrentUser user = currentUser.get();
    OffsetDateTime now = DossierTrail.vn(Date.from(clock.instant()));
    List<TrailEntry> entries = trail.of(code, user);
    byte[] body = plain ? export.timelinePdf(code, DossierTrail.timeline(entries), trail.personName(user.id()), now)
        : export.pdf(code, entries, trail.personName(user.id()), now);
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
