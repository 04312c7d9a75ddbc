package vn.gov.sonla.tdkt.dossier;

import java.util.List;

/** The request was refused for bad input; nothing was stored. */
public class InvalidDossierException extends RuntimeException {
  private final transient List<FieldProblem> problems;

  public InvalidDossierException(List<FieldProblem> problems) {
    super("Hồ sơ không hợp lệ: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
