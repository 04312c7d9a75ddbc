package vn.gov.sonla.tdkt.council;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * How a written opinion (phiếu lấy ý kiến) of an absent member is counted, from council-written-opinion.dmn by the
 * session's date: as a vote, for the quorum only, or not at all. Each row of the table carries its source.
 */
@Component
public class WrittenOpinionRule {

  public enum Counting { VOTE, QUORUM_ONLY, NOT_COUNTED }

  public record Rule(String regime, Counting counting, String source) {}

  private final DecisionService decisions;

  public WrittenOpinionRule(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Rule on(LocalDate sessionDate) {
    DmnDecisionResultEntries row = decisions.evaluateDecisionByKey("council-written-opinion")
        .variables(Map.of("sessionDate", sessionDate.toString())).evaluate().getSingleResult();
    return new Rule(row.getEntry("regime"), Counting.valueOf(row.getEntry("counting")), row.getEntry("source"));
  }
}
