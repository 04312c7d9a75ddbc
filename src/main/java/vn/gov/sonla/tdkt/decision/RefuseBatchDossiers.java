package vn.gov.sonla.tdkt.decision;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The dossiers the Chairman explicitly refused: outcome REFUSED with the reason (they become NOT_AWARDED). */
@Component("refuseBatchDossiers")
public class RefuseBatchDossiers implements JavaDelegate {

  private final DecisionBatchRepository batches;
  private final BatchOutcomes outcomes;

  public RefuseBatchDossiers(DecisionBatchRepository batches, BatchOutcomes outcomes) {
    this.batches = batches;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    for (Map.Entry<String, String> e : DecisionBatchTask.reasons(
        execution.getVariable(DecisionBatchTask.REFUSED)).entrySet()) {
      String code = e.getKey();
      if (!outcomes.waiting(code)) {
        batches.setState(key, code, DecisionBatchRepository.DROPPED, e.getValue());
        continue;
      }
      batches.setState(key, code, DecisionBatchRepository.REFUSED, e.getValue());
      outcomes.send(code, "REFUSED", key, "Chủ tịch UBND tỉnh không khen thưởng (đợt " + key + "): " + e.getValue(),
          Map.of());
    }
  }
}
