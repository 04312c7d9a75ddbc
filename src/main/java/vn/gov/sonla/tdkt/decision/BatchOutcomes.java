package vn.gov.sonla.tdkt.decision;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Sends a batch's outcome to one dossier waiting at {@code Event_AwaitDecisionBatch} (message
 * {@code DecisionBatchOutcome}: {@code batchOutcome} APPROVED, EXCLUDED or REFUSED, {@code batchKey},
 * {@code batchReason}, and more variables), in the caller's transaction.
 */
@Component
public class BatchOutcomes {

  public static final String MESSAGE = "DecisionBatchOutcome";

  private final RuntimeService runtime;

  public BatchOutcomes(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Whether the dossier still waits for its batch (a withdrawn one has left). */
  public boolean waiting(String code) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .activityIdIn(CollectBatchDossiers.WAIT_ACTIVITY).count() > 0;
  }

  public void send(String code, String outcome, String batchKey, String reason, Map<String, Object> more) {
    var variables = Variables.createVariables().putValue("batchOutcome", outcome).putValue("batchKey", batchKey)
        .putValue("batchReason", reason == null ? "" : reason);
    variables.putAll(more);
    runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(code).setVariables(variables).correlate();
  }
}
