package vn.gov.sonla.tdkt.kernel;

import java.util.List;

/** A request other than a dossier was refused for bad input (400, with every bad field); nothing was stored. */
public class InvalidInputException extends RuntimeException {
  private final transient List<FieldProblem> problems;

  public InvalidInputException(String detail, List<FieldProblem> problems) {
    super(detail);
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
