package vn.gov.sonla.tdkt.workspace;

import com.samskivert.mustache.Mustache;
import io.swagger.v3.oas.annotations.Hidden;
import com.samskivert.mustache.Template;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.gov.sonla.tdkt.identity.Clients;

/**
 * Errors in Vietnamese, the way each client understands them: a browser loading a page gets an HTML page
 * (not found, no permission, server error) with a way back to the person's work; scripts and API clients get RFC
 * 7807 problem details ({@code application/problem+json}). Replaces Spring Boot's English "Whitelabel" page and its
 * English JSON, and answers an unknown address (which Spring MVC reports as {@link NoResourceFoundException}).
 */
@Hidden
@RestController
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ErrorPages implements ErrorController {

  private static final String TYPE = "https://sonla.gov.vn/tdkt/problems/";

  private record Text(String type, String title, String message) {}

  private static final Map<Integer, Text> TEXTS = Map.of(
      400, new Text("invalid-input", "Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ. Vui lòng kiểm tra lại."),
      401, new Text("unauthorized", "Chưa đăng nhập", "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết."),
      403, new Text("forbidden", "Không có quyền truy cập",
          "Tài khoản của bạn không có quyền mở trang này. Nếu cần, xin liên hệ quản trị hệ thống."),
      404, new Text("not-found", "Không tìm thấy trang",
          "Không có trang nào ở địa chỉ này. Có thể đường dẫn đã cũ hoặc gõ nhầm."),
      405, new Text("method-not-allowed", "Thao tác không được hỗ trợ", "Địa chỉ này không hỗ trợ thao tác đã gửi."),
      500, new Text("server-error", "Hệ thống gặp lỗi",
          "Đã có lỗi xảy ra khi xử lý yêu cầu. Vui lòng thử lại sau; nếu lỗi lặp lại, xin báo quản trị hệ thống."));

  private final Template template;

  public ErrorPages() throws IOException {
    try (Reader reader = new InputStreamReader(new ClassPathResource("pages/error.mustache").getInputStream(),
        StandardCharsets.UTF_8)) {
      this.template = Mustache.compiler().escapeHTML(true).defaultValue("").compile(reader);
    }
  }

  /** An address that maps to nothing (no page, no API route). */
  @ExceptionHandler(NoResourceFoundException.class)
  public ResponseEntity<?> notFound(HttpServletRequest request) {
    return answer(request, 404);
  }

  /** Spring Boot's error path: whatever ended in {@code sendError} or an exception outside Spring MVC. */
  @RequestMapping("/error")
  public ResponseEntity<?> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    return answer(request, status < 400 ? 500 : status);
  }

  private ResponseEntity<?> answer(HttpServletRequest request, int status) {
    Text text = text(status);
    if (Clients.isPageNavigation(request)) {
      String html = template.execute(Map.of("title", text.title(), "message", text.message(),
          "status", String.valueOf(status)));
      return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
          .contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(html);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), text.message());
    problem.setType(URI.create(TYPE + text.type()));
    problem.setTitle(text.title());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static Text text(int status) {
    Text text = TEXTS.get(status);
    if (text != null) {
      return text;
    }
    return status >= 500 ? TEXTS.get(500)
        : new Text("client-error", "Không thực hiện được yêu cầu", "Yêu cầu không thực hiện được (mã " + status + ").");
  }
}
