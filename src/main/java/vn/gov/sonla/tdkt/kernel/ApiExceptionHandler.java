package vn.gov.sonla.tdkt.kernel;

import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * RFC 7807 problem details for the project's API; messages in Vietnamese for the users. It knows the kernel's
 * exceptions and the {@link Problem} type that features extend, and no feature.
 */
@RestControllerAdvice(basePackages = "vn.gov.sonla.tdkt")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String TYPE = "https://sonla.gov.vn/tdkt/problems/";

  @ExceptionHandler(InvalidDossierException.class)
  ProblemDetail invalid(InvalidDossierException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ",
        e.detail() != null ? e.detail() : "Hồ sơ chưa hợp lệ: kiểm tra các trường được nêu.");
    problem.setProperty("errors", e.problems());
    return problem;
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ", e.getMessage());
    problem.setProperty("errors", e.problems());
    return problem;
  }

  @ExceptionHandler(DossierNotFoundException.class)
  ProblemDetail notFound(DossierNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy", e.getMessage());
  }

  @ExceptionHandler(DossierStateException.class)
  ProblemDetail state(DossierStateException e) {
    return problem(HttpStatus.CONFLICT, "wrong-state", "Không thực hiện được ở bước hiện tại", e.getMessage());
  }

  @ExceptionHandler(TaskInputException.class)
  ProblemDetail taskInput(TaskInputException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ", e.getMessage());
  }

  /** A feature's own refusal: its status, type, title, message, bad fields and headers (see {@link Problem}). */
  @ExceptionHandler(Problem.class)
  ResponseEntity<ProblemDetail> feature(Problem e) {
    ProblemDetail problem = problem(e.status(), e.type(), e.title(), e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
    e.headers().forEach((name, value) -> answer.header(name, value));
    return answer.body(problem);
  }

  /**
   * Refused by an access rule ({@code @PreAuthorize}) that gave no reason of its own: the same 403 problem as the
   * engine's refusals. A caller without a login is left to the security chain (401).
   */
  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail accessDenied(org.springframework.security.access.AccessDeniedException e) {
    var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
        .getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
      throw e;
    }
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", "Bạn không có quyền thực hiện thao tác này.");
  }

  /** A request body's declared field rules (Bean Validation, {@code @Valid}): 400 with every bad field. */
  @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(org.springframework.web.bind.MethodArgumentNotValidException e) {
    return fieldProblems(FieldProblems.of(e.getBindingResult()));
  }

  /** Declared rules on request parameters (e.g. {@code @Min} on a query parameter): 400 with every bad field. */
  @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
  ProblemDetail invalidParameters(org.springframework.web.method.annotation.HandlerMethodValidationException e) {
    return fieldProblems(FieldProblems.of(e));
  }

  /** Declared rules checked outside Spring MVC (a service's {@code Validator}): 400 with every bad field. */
  @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
  ProblemDetail constraintViolations(jakarta.validation.ConstraintViolationException e) {
    return fieldProblems(FieldProblems.of(e.getConstraintViolations()));
  }

  private static ProblemDetail fieldProblems(List<FieldProblem> problems) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ",
        problems.size() == 1 ? problems.get(0).message() : "Dữ liệu chưa hợp lệ: kiểm tra các trường được nêu.");
    problem.setProperty("errors", problems);
    return problem;
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    LOG.info("Refused by the engine's authorization: {}", e.getMessage());
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", "Bạn không có quyền thực hiện thao tác này.");
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestPartException.class})
  ProblemDetail unreadable(Exception e, jakarta.servlet.http.HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      // a JSON body (withdrawal, objection, council session...): say what is wrong with it, not what a dossier needs
      ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ",
          "Nội dung yêu cầu không phải JSON hợp lệ hoặc có trường sai kiểu.");
      problem.setProperty("errors", List.of(new FieldProblem("body", "JSON không hợp lệ.")));
      return problem;
    }
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ",
        "Yêu cầu không đọc được: cần phần 'dossier' (JSON) với các trường đúng kiểu (ngày dạng YYYY-MM-DD, năm là số).");
    problem.setProperty("errors", List.of(new FieldProblem("dossier", "Không đọc được dữ liệu hồ sơ.")));
    return problem;
  }

  /**
   * The engine's refusal of a step: 409 with its message; a change that lost to a concurrent one (an
   * {@link org.camunda.bpm.engine.OptimisticLockingException} anywhere in the cause chain: rolled back, nothing
   * changed) is the same "send again" conflict as through the engine's HTTP API, without the engine's internals.
   */
  @ExceptionHandler(ProcessEngineException.class)
  ProblemDetail engine(ProcessEngineException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.OptimisticLockingException) {
        LOG.info("Refused: a concurrent change came first ({})", e.getMessage());
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Thao tác trùng thời điểm",
            "Một người khác vừa ghi vào cùng việc này nên thao tác của bạn chưa được ghi. Vui lòng gửi lại.");
      }
    }
    return problem(HttpStatus.CONFLICT, "process-error", "Không thực hiện được", e.getMessage());
  }

  /**
   * Anything else: Spring MVC's own refusals keep their status and problem body; an unexpected failure answers 500
   * as a problem detail in Vietnamese with the request's id for the operator (the transaction was rolled back).
   */
  @ExceptionHandler(Exception.class)
  org.springframework.http.ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
    if (e instanceof org.springframework.web.ErrorResponse known) {
      return org.springframework.http.ResponseEntity.status(known.getStatusCode()).headers(known.getHeaders())
          .body(known.getBody());
    }
    if (e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e;
    }
    String requestId = org.slf4j.MDC.get(vn.gov.sonla.tdkt.kernel.LogContext.REQUEST_ID);
    LOG.error("Unexpected error answered as 500 (request {})", requestId, e);
    return org.springframework.http.ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error", "Lỗi hệ thống", "Hệ thống gặp lỗi ngoài dự kiến nên chưa thực hiện thao tác này. Vui lòng thử "
            + "lại sau; nếu vẫn lỗi, báo quản trị viên mã yêu cầu " + requestId + "."));
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE + type));
    problem.setTitle(title);
    return problem;
  }
}
