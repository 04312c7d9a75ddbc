package vn.gov.sonla.tdkt.decision;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The dossiers the Chairman excluded from the batch go back to waiting for a later batch (outcome EXCLUDED, with
 * the reason); Home Affairs is told which and why.
 */
@Component("releaseExcludedDossiers")
public class ReleaseExcludedDossiers implements JavaDelegate {

  private final DecisionBatchRepository batches;
  private final BatchOutcomes outcomes;
  private final Notifications notifications;

  public ReleaseExcludedDossiers(DecisionBatchRepository batches, BatchOutcomes outcomes,
      Notifications notifications) {
    this.batches = batches;
    this.outcomes = outcomes;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    batches.decided(key, (String) execution.getVariable("decidedBy"));
    for (Map.Entry<String, String> e : DecisionBatchTask.reasons(
        execution.getVariable(DecisionBatchTask.EXCLUDED)).entrySet()) {
      String code = e.getKey();
      if (!outcomes.waiting(code)) {
        batches.setState(key, code, DecisionBatchRepository.DROPPED, e.getValue());
        continue;
      }
      batches.setState(key, code, DecisionBatchRepository.EXCLUDED, e.getValue());
      outcomes.send(code, "EXCLUDED", key, e.getValue(), Map.of());
      notifications.send(Groups.HOME_AFFAIRS, code, "BATCH_EXCLUDED", "Hồ sơ " + code + " bị loại khỏi đợt quyết"
          + " định " + key + ", chờ đợt sau. Lý do: " + e.getValue());
    }
  }
}
