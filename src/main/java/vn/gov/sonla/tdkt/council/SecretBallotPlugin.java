package vn.gov.sonla.tdkt.council;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Registers the history level {@value SecretBallotHistoryLevel#NAME} (set as
 * {@code camunda.bpm.history-level} in application.yaml).
 */
@Component
public class SecretBallotPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new SecretBallotHistoryLevel());
  }
}
