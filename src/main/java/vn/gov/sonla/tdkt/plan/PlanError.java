package vn.gov.sonla.tdkt.plan;

/**
 * One error of a plan file.
 *
 * @param line the line in the file (1-based)
 * @param field the YAML field ("timing", "coordinating", …; "yaml" when the file does not parse)
 * @param message what is wrong, in Vietnamese
 */
public record PlanError(int line, String field, String message) {

  @Override
  public String toString() {
    return "dòng " + line + ", " + field + ": " + message;
  }
}
