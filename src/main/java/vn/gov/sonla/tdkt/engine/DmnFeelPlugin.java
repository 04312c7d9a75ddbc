package vn.gov.sonla.tdkt.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dmn.CachingFeelEngine;

/**
 * Gives the engine's DMN engine the {@link CachingFeelEngine} (FEEL as before, parsed expressions remembered).
 * Everything else of the DMN configuration is left to the engine, which completes it at start-up (history,
 * metrics, custom FEEL functions, which are handed to the factory then).
 */
@Component
public class DmnFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the JUEL-based legacy FEEL has no such cost
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(() -> new CachingFeelEngine(dmn.getFeelCustomFunctionProviders()));
      configuration.setDmnEngineConfiguration(dmn);
    }
  }
}
