package vn.gov.sonla.tdkt.kernel;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refused request that a feature describes itself: HTTP status, problem type (the last segment of
 * {@code https://sonla.gov.vn/tdkt/problems/…}), title and a Vietnamese message for the user, with the bad fields
 * and response headers where it has them. {@link ApiExceptionHandler} answers every subclass as an RFC 7807 problem
 * without knowing the feature, so features at any layer refuse requests without the kernel depending on them.
 */
public abstract class Problem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;

  protected Problem(HttpStatus status, String type, String title, String message) {
    super(message);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** The bad fields, listed as the problem's {@code errors}; none by default (the property is then left out). */
  public List<FieldProblem> errors() {
    return List.of();
  }

  /** Headers of the answer (e.g. {@code Retry-After}); none by default. */
  public Map<String, String> headers() {
    return Map.of();
  }
}
