package vn.gov.sonla.tdkt.council;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Votes needed from the council, from the decision tables of council-threshold.dmn: the share of all
 * members per award type ({@code council-threshold}) and the quorum ({@code council-quorum}).
 */
@Component
public class CouncilThreshold {

  public enum Comparison { AT_LEAST, MORE_THAN }

  private final DecisionService decisions;

  public CouncilThreshold(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** The number of members in favour that passes a dossier of this award type. */
  public int votesRequired(String awardType, int members) {
    DmnDecisionResultEntries row = decisions.evaluateDecisionByKey("council-threshold")
        .variables(Map.of("awardType", awardType)).evaluate().getSingleResult();
    Number share = row.getEntry("share");
    return votesRequired(new BigDecimal(share.toString()), Comparison.valueOf(row.getEntry("comparison")), members);
  }

  /** The number of members who must cast a ballot for the session to decide. */
  public int quorum(int members) {
    DmnDecisionResultEntries row = decisions.evaluateDecisionByKey("council-quorum")
        .variables(Map.of("awardType", "")).evaluate().getSingleResult();
    int numerator = ((Number) row.getEntry("numerator")).intValue();
    int denominator = ((Number) row.getEntry("denominator")).intValue();
    return (members * numerator + denominator - 1) / denominator;
  }

  /**
   * AT_LEAST: ceil(share × members); MORE_THAN: floor(share × members) + 1. Decimal arithmetic, so
   * that 0.9 × 10 is exactly 9.
   */
  static int votesRequired(BigDecimal share, Comparison comparison, int members) {
    BigDecimal product = share.multiply(BigDecimal.valueOf(members));
    return comparison == Comparison.AT_LEAST
        ? product.setScale(0, RoundingMode.CEILING).intValueExact()
        : product.setScale(0, RoundingMode.FLOOR).intValueExact() + 1;
  }
}
