package vn.gov.sonla.tdkt.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's refusals through the engine's HTTP API (e.g. a task completed without a required field, refused by
 * the task's listener with a {@code TaskInputException}): 400 problem details with the Vietnamese message, logged at
 * INFO, instead of the engine REST's 500 "Cannot complete task ..." logged as a server error. A refusal is an
 * exception of the project's own packages extending {@link ProcessEngineException}, anywhere in the cause chain;
 * every other exception keeps Camunda's own answer. A change that lost to a concurrent one (an
 * {@link OptimisticLockingException}: two people changing one process instance's step at the same moment; council
 * ballots no longer do, since each is counted in a job of its own, issue 20) answers 409 with a
 * Vietnamese "send again": the engine rolled it back, so nothing changed.
 *
 * <p>Registered in {@code /engine-rest} by {@link EngineRestConfig} and in the webapps' engine API by
 * {@link EngineAccessConfig} (Jersey prefers these mappers to Camunda's through their priority).
 */
public final class EngineRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRefusals.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT_PACKAGE = "vn.gov.sonla.tdkt.";

  private EngineRefusals() {}

  /** The project's refusal in the exception's cause chain, if any. */
  static Optional<ProcessEngineException> refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProcessEngineException p && t.getClass().getName().startsWith(PROJECT_PACKAGE)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** An {@link OptimisticLockingException} in the exception's cause chain: another transaction came first. */
  static boolean lostToAConcurrentChange(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The engine could not find what the request names (its commands check with {@code ensureNotNull}, which throws a
   * {@link NullValueException} "Cannot find task with id …"): e.g. a task another appraiser completed a moment
   * before, found by the load test, where the engine REST answered 500.
   */
  static boolean namesSomethingThatIsGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NullValueException && t.getMessage() != null && t.getMessage().startsWith("Cannot find ")) {
        return true;
      }
    }
    return false;
  }

  static Response toResponse(Throwable e) {
    if (namesSomethingThatIsGone(e)) {
      LOG.info("Refused: not found ({})", e.getMessage());
      return problem(404, "https://sonla.gov.vn/tdkt/problems/not-found", "Không tìm thấy",
          "Việc này không còn: có thể người khác vừa nhận hoặc hoàn thành, hoặc hồ sơ đã chuyển bước. "
              + "Vui lòng tải lại danh sách.");
    }
    if (lostToAConcurrentChange(e)) {
      // e.g. two people completing one process instance's step at the same moment: the engine rolled this one
      // back, nothing changed, and sending it again succeeds
      LOG.info("Refused: a concurrent change came first ({})", e.getMessage());
      return problem(409, "https://sonla.gov.vn/tdkt/problems/concurrent-change", "Thao tác trùng thời điểm",
          "Một người khác vừa ghi vào cùng việc này nên thao tác của bạn chưa được ghi. Vui lòng gửi lại.");
    }
    Optional<ProcessEngineException> refusal = refusal(e);
    if (refusal.isEmpty()) {
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
    String message = refusal.get().getMessage();
    LOG.info("Refused by the project's check: {}", message);
    return problem(400, "https://sonla.gov.vn/tdkt/problems/invalid-input", "Dữ liệu không hợp lệ", message);
  }

  private static Response problem(int status, String type, String title, String message) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", message);
    // Camunda's clients (Tasklist) show "message"
    problem.put("message", message);
    try {
      return Response.status(status).type("application/problem+json").entity(JSON.writeValueAsString(problem))
          .build();
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** For {@link RestException}: the REST resources wrap the engine's exceptions in it. */
  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return EngineRefusals.toResponse(exception);
    }
  }

  /** For an engine exception that reaches the REST layer unwrapped. */
  @Priority(1)
  public static class ProcessEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return EngineRefusals.toResponse(exception);
    }
  }
}
