package vn.gov.sonla.tdkt.dossier;

import java.net.URI;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;

/**
 * Refusals of a multipart request while Tomcat reads it (limits of {@code spring.servlet.multipart} and
 * {@code server.tomcat.max-part-*}), as Vietnamese problem details. They come before any controller is chosen,
 * so this advice has no package selector (an advice restricted to packages does not apply without a handler).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadProblems {

  private static final Logger LOG = LoggerFactory.getLogger(UploadProblems.class);
  private static final String TYPE = "https://sonla.gov.vn/tdkt/problems/";

  @ExceptionHandler(MultipartException.class)
  ProblemDetail refused(MultipartException e) {
    LOG.info("Multipart request refused: {}", rootMessage(e));
    FileSizeLimitExceededException part = cause(e, FileSizeLimitExceededException.class);
    if (part != null) {
      String name = part.getFileName() == null || part.getFileName().isBlank() ? "(không tên)" : part.getFileName();
      String message = "Tệp " + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + " vượt quá dung lượng cho phép ("
          + megabytes(part.getPermittedSize()) + ").";
      ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Tệp quá lớn",
          "Mỗi tệp tối đa " + megabytes(part.getPermittedSize()) + ": " + message);
      problem.setProperty("errors", List.of(new FieldProblem("documents." + part.getFieldName(), message)));
      return problem;
    }
    SizeLimitExceededException request = cause(e, SizeLimitExceededException.class);
    // Tomcat reports part headers over server.tomcat.max-part-header-size as a size limit too ("Header section …")
    boolean header = request != null && request.getMessage() != null && request.getMessage().startsWith("Header");
    if (request != null && !header) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Yêu cầu quá lớn",
          "Tổng dung lượng các tệp gửi một lần tối đa " + megabytes(request.getPermittedSize())
              + ": hãy gửi bớt tệp, rồi bổ sung sau.");
    }
    FileCountLimitExceededException count = cause(e, FileCountLimitExceededException.class);
    if (count != null) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-many-parts", "Quá nhiều tệp",
          "Một yêu cầu có tối đa " + count.getLimit() + " phần (dữ liệu hồ sơ và các tệp đính kèm): hãy gửi bớt tệp.");
    }
    // the part headers (which hold the file name) over server.tomcat.max-part-header-size, or a broken body
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ",
        "Tên tệp quá dài hoặc yêu cầu gửi tệp không đọc được: tên tệp tối đa " + DocumentPolicy.MAX_FILE_NAME_LENGTH
            + " ký tự.");
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : "%.1f MB".formatted(bytes / 1048576.0);
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE + type));
    problem.setTitle(title);
    return problem;
  }
}
