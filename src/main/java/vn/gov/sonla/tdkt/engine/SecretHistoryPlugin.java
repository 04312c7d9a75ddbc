package vn.gov.sonla.tdkt.engine;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers a history level for each {@link Secrets} bean a feature declares (the council's secret ballot,
 * {@code council.SecretBallot}, set as {@code camunda.bpm.history-level} in application.yaml): history level "full",
 * except that the declared variables never reach the engine's history (ACT_HI_VARINST, ACT_HI_DETAIL) and the
 * declared tasks' form submissions leave no form-field event. Everything else is recorded as with "full", and the
 * level keeps the id of "full" (3), so databases and Cockpit see the same level.
 */
@Component
public class SecretHistoryPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<Secrets> secrets;

  public SecretHistoryPlugin(ObjectProvider<Secrets> secrets) {
    this.secrets = secrets;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    secrets.orderedStream().forEach(s -> configuration.getCustomHistoryLevels().add(new Level(s)));
  }

  /**
   * A history level "full" without the given variables and without the form fields of the given tasks.
   *
   * @param levelName the level's name ({@code camunda.bpm.history-level})
   * @param variables names of variables whose values never reach the history
   * @param formTasks task definition keys whose form submissions leave no form-field event
   */
  public record Secrets(String levelName, Set<String> variables, Set<String> formTasks) {}

  static final class Level extends AbstractHistoryLevel {

    private final Secrets secrets;

    Level(Secrets secrets) {
      this.secrets = secrets;
    }

    @Override
    public int getId() {
      return 3;
    }

    @Override
    public String getName() {
      return secrets.levelName();
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (entity instanceof VariableInstance variable && secrets.variables().contains(variable.getName())) {
        return false;
      }
      if (entity instanceof HistoricVariableUpdateEventEntity update
          && secrets.variables().contains(update.getVariableName())) {
        return false;
      }
      return !(eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE && entity instanceof DelegateTask task
          && secrets.formTasks().contains(task.getTaskDefinitionKey()));
    }
  }
}
