package vn.gov.sonla.tdkt.notice;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.kernel.Created;

/**
 * Public, without login: the dossiers under public notice, those in consultation before the council, and objections
 * to them (rate-limited).
 */
@RestController
public class PublicNoticeController {

  private final PublicNoticeService notices;
  private final ObjectionRateLimiter rateLimiter;

  public PublicNoticeController(PublicNoticeService notices, ObjectionRateLimiter rateLimiter) {
    this.notices = notices;
    this.rateLimiter = rateLimiter;
  }

  /** The dossiers now on public notice, with the end of each notice; open to everyone. */
  @GetMapping("/api/public/notices")
  public List<PublicNotice> current() {
    return notices.current();
  }

  /**
   * The dossiers for orders and State honours now published for opinions before the provincial council considers
   * them, with the end of each consultation; open to everyone.
   */
  @GetMapping("/api/public/consultations")
  public List<PublicNotice> consultations() {
    return notices.consultations();
  }

  /**
   * Files a citizen's objection to a dossier on public notice or in consultation before the council; open to everyone, limited per address; answers 202 with its address.
   */
  @Created(status = 202)
  @PostMapping("/api/objections")
  public ResponseEntity<Map<String, String>> file(@RequestBody ObjectionRequest request, HttpServletRequest http) {
    if (!rateLimiter.tryAcquire(http.getRemoteAddr())) {
      throw new TooManyObjectionsException();
    }
    Objection objection = notices.file(request, http.getRemoteAddr());
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/objections/" + objection.id()))
        .body(Map.of("id", objection.id(), "reference", objection.reference(), "status", objection.status(),
            "message", "Đã tiếp nhận ý kiến phản ánh, số " + objection.reference()
                + ". Vui lòng ghi lại số này; Sở Nội vụ sẽ xác minh và trả lời theo địa chỉ liên hệ."));
  }
}
