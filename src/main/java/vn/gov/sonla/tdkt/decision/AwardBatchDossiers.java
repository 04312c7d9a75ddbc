package vn.gov.sonla.tdkt.decision;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Each dossier of the issued decision ({@code awardedCodes}) receives outcome APPROVED with the batch's decision
 * number and date; its own process records the award ({@code ${recordBatchAward}}).
 */
@Component("awardBatchDossiers")
public class AwardBatchDossiers implements JavaDelegate {

  private final DecisionBatchRepository batches;
  private final BatchOutcomes outcomes;

  public AwardBatchDossiers(DecisionBatchRepository batches, BatchOutcomes outcomes) {
    this.batches = batches;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    String number = (String) execution.getVariable("decisionNumber");
    Object date = execution.getVariable("decisionDate");
    for (String code : ((String) execution.getVariable("awardedCodes")).split(",")) {
      batches.setState(key, code, DecisionBatchRepository.AWARDED, null);
      outcomes.send(code, "APPROVED", key, null, Map.of("decisionNumber", number, "decisionDate", date,
          "decidedBy", execution.getVariable("decidedBy")));
    }
  }
}
