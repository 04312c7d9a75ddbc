package vn.gov.sonla.tdkt.notice;

import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.gov.sonla.tdkt.kernel.Problem;

public class TooManyObjectionsException extends Problem {
  public TooManyObjectionsException() {
    super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều ý kiến phản ánh trong thời gian ngắn. Vui lòng thử lại sau.");
  }

  /** An hour: the limit counts objections per hour. */
  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", "3600");
  }
}
