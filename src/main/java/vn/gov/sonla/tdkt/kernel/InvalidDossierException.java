package vn.gov.sonla.tdkt.kernel;

import java.util.List;

/** The request was refused for bad input; nothing was stored. */
public class InvalidDossierException extends RuntimeException {
  private final transient List<FieldProblem> problems;
  private final String detail;

  public InvalidDossierException(List<FieldProblem> problems) {
    this(null, problems);
  }

  /** With a sentence for the problem's {@code detail} (null: the general one). */
  public InvalidDossierException(String detail, List<FieldProblem> problems) {
    super("Hồ sơ không hợp lệ: " + problems);
    this.problems = List.copyOf(problems);
    this.detail = detail;
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** The sentence for the problem's {@code detail}, or null for the general one. */
  public String detail() {
    return detail;
  }
}
