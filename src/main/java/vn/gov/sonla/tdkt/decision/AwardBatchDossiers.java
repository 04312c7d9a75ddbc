package vn.gov.sonla.tdkt.decision;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Khen thưởng từng hồ sơ theo quyết định", one instance (and one asynchronous job) per dossier of the issued
 * decision ({@link #codes}: {@code awardedCodes}): the dossier ({@code awardedCode}) receives outcome APPROVED with
 * the batch's decision number and date; its own process records the award ({@code ${recordBatchAward}}). A dossier
 * that fails leaves an incident on its own job; the decision and the other dossiers stand.
 */
@Component("awardBatchDossiers")
public class AwardBatchDossiers implements JavaDelegate {

  /** The multi-instance element variable: the dossier code of this instance. */
  public static final String CODE = "awardedCode";

  private final DecisionBatchRepository batches;
  private final BatchOutcomes outcomes;

  public AwardBatchDossiers(DecisionBatchRepository batches, BatchOutcomes outcomes) {
    this.batches = batches;
    this.outcomes = outcomes;
  }

  /** The dossiers of the issued decision, in the order of its list. */
  public List<String> codes(DelegateExecution execution) {
    String codes = (String) execution.getVariable("awardedCodes");
    return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a job after the click: its records name the person who decided (docs/pipeline.md)
    vn.gov.sonla.tdkt.engine.EngineAuthentication.actFor(execution.getProcessEngineServices().getIdentityService(),
        (String) execution.getVariable("decidedBy"));
    String key = execution.getProcessBusinessKey();
    String code = (String) execution.getVariable(CODE);
    String number = (String) execution.getVariable("decisionNumber");
    Object date = execution.getVariable("decisionDate");
    batches.setState(key, code, DecisionBatchRepository.AWARDED, null);
    outcomes.send(code, "APPROVED", key, null, Map.of("decisionNumber", number, "decisionDate", date,
        "decidedBy", execution.getVariable("decidedBy")));
  }
}
