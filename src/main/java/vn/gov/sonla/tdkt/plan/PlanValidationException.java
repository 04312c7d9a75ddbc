package vn.gov.sonla.tdkt.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan file refused whole, with every error found. */
public class PlanValidationException extends RuntimeException {

  private final transient List<PlanError> errors;

  public PlanValidationException(List<PlanError> errors) {
    super("Kế hoạch không hợp lệ (" + errors.size() + " lỗi): "
        + errors.stream().map(PlanError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<PlanError> errors() {
    return errors;
  }
}
