package vn.gov.sonla.tdkt.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the running test's process engine the one that static look-ups find, before its class and before each of
 * its tests (registered for every Spring test in META-INF/spring.factories).
 *
 * <p>Several application contexts stay alive in one test JVM (Spring's context cache), each with an engine named
 * {@code default}. The engine REST API and the webapps find "the" engine in Camunda's static registry
 * ({@link ProcessEngines}, keyed by name), where the engine started last wins, and closing any engine removes the name
 * whoever holds it: without this listener a test would reach another context's engine through {@code /engine-rest},
 * or none after an application started by hand had closed. camunda-bpm-assert keeps its engine in a thread-local,
 * set here too. The engine clock ({@link ClockUtil}) is static as well: reset after each class. docs/adr/0008.
 */
public class CurrentEngineListener implements TestExecutionListener, Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 100;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    makeCurrent(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    makeCurrent(testContext);
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    ClockUtil.reset();
  }

  private static void makeCurrent(TestContext testContext) {
    ApplicationContext context = testContext.getApplicationContext();
    ProcessEngine engine = context.getBeanProvider(ProcessEngine.class).getIfUnique();
    if (engine != null) {
      ProcessEngines.registerProcessEngine(engine);
      AbstractAssertions.init(engine);
    }
  }
}
