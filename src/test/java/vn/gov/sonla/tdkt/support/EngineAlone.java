package vn.gov.sonla.tdkt.support;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import vn.gov.sonla.tdkt.engine.DossierStatusPlugin;

/**
 * A process engine alone, without Spring: in-memory H2, no job executor (tests execute the jobs), full history,
 * Spin for JSON variables, the dossier status declared on the models ({@link DossierStatusPlugin}, its listener
 * registered as the mock {@code dossierStatus}), and the model's {@code ${bean}} expressions resolved from
 * {@link org.camunda.bpm.engine.test.mock.Mocks} (register the mocked beans before the process reaches them).
 * Each test class gets its own engine (its own name and database), closed after the class.
 */
public final class EngineAlone {

  private EngineAlone() {}

  public static ProcessEngineExtension extension(String name) {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    String unique = name + "-" + UUID.randomUUID();
    config.setProcessEngineName("engine-alone-" + unique);
    config.setJdbcUrl("jdbc:h2:mem:engine-alone-" + unique + ";DB_CLOSE_DELAY=-1");
    config.setDatabaseSchemaUpdate("create-drop");
    config.setJobExecutorActivate(false);
    config.setHistory("full");
    config.setExpressionManager(new MockExpressionManager());
    config.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new DossierStatusPlugin()));
    ProcessEngine engine = config.buildProcessEngine();
    return new ClosingExtension(engine);
  }

  /** Closes its engine after the class (the extension leaves an engine it was given open). */
  static final class ClosingExtension extends ProcessEngineExtension {

    ClosingExtension(ProcessEngine engine) {
      useProcessEngine(engine);
    }

    @Override
    public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
      try {
        super.afterAll(context);
      } finally {
        processEngine.close();
      }
    }
  }
}
