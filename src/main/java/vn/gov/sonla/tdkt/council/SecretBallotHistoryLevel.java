package vn.gov.sonla.tdkt.council;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "full", except that a council member's choices never reach the engine's history
 * (ACT_HI_VARINST, ACT_HI_DETAIL): no variable event for a ballot variable ({@code approvals}), and no
 * form-field event for the submission of a ballot task's form. Everything else is recorded as with
 * "full", and the level keeps the id of "full" (3), so databases and Cockpit see the same level.
 */
public class SecretBallotHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "full-secret-ballot";
  /** Variables that carry a member's choices (set by the ballot form, removed by the ballot box). */
  public static final Set<String> SECRET_VARIABLES = Set.of(BallotBox.APPROVALS);

  @Override
  public int getId() {
    return 3;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstance variable && SECRET_VARIABLES.contains(variable.getName())) {
      return false;
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update
        && SECRET_VARIABLES.contains(update.getVariableName())) {
      return false;
    }
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE && entity instanceof DelegateTask task
        && CouncilSession.BALLOT_TASK.equals(task.getTaskDefinitionKey())) {
      return false;
    }
    return true;
  }
}
