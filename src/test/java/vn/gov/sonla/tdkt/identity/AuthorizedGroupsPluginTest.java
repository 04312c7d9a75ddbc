package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The engine's authorization checks no longer read the whole authorization table in each command for users in few
 * groups, and still show each unit exactly its own tasks, with the revoke-aware checks of application.yaml.
 */
class AuthorizedGroupsPluginTest {

  private static final String SCAN_STATEMENT =
      "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

  private ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void unitOfficersSeeTheirOwnTasksWithoutTheTableScan() {
    engine = engineWithThreshold(20);
    startTasks();

    Scans scans = captureScans(() -> {
      assertThat(tasksOf("officer.a", List.of("unit-a", "group-without-grants"))).hasSize(3)
          .allSatisfy(t -> assertThat(candidateGroups(t)).containsExactly("unit-a"));
      assertThat(tasksOf("officer.b", List.of("unit-b"))).hasSize(2)
          .allSatisfy(t -> assertThat(candidateGroups(t)).containsExactly("unit-b"));
      assertThat(tasksOf("nobody", List.of("group-without-grants"))).isEmpty();
      assertThat(countOf("officer.a", List.of("unit-a", "unit-a", "group-without-grants"))).isEqualTo(3);
      return null;
    });
    assertThat(scans.count()).as("statements reading every authorization row").isZero();
  }

  @Test
  void aboveTheThresholdTheEnginesOwnFilterAppliesWithTheSameResults() {
    engine = engineWithThreshold(1);
    startTasks();

    Scans scans = captureScans(() -> {
      assertThat(tasksOf("officer.a", List.of("unit-a", "group-without-grants"))).hasSize(3);
      assertThat(tasksOf("officer.b", List.of("unit-b"))).hasSize(2);
      return null;
    });
    assertThat(scans.count()).as("the engine's filter, for the user in two groups only").isEqualTo(1);
  }

  private ProcessEngine engineWithThreshold(int threshold) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    cfg.setProcessEngineName("authorized-groups-" + threshold);
    cfg.setJdbcUrl("jdbc:h2:mem:authorized-groups-" + threshold + ";DB_CLOSE_DELAY=-1");
    cfg.setAuthorizationEnabled(true);
    cfg.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    cfg.setJobExecutorActivate(false);
    cfg.setMetricsEnabled(false);
    cfg.setProcessEnginePlugins(List.of(new AuthorizedGroupsPlugin(threshold)));
    return cfg.buildProcessEngine();
  }

  /** Three tasks for unit-a and two for unit-b, each with its group's grant written by the engine. */
  private void startTasks() {
    engine.getRepositoryService().createDeployment().addClasspathResource("bench/tasklist-load.bpmn").deploy();
    for (int i = 0; i < 5; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("tasklist-load",
          Map.of("unitGroup", i < 3 ? "unit-a" : "unit-b", "due", new java.util.Date()));
    }
  }

  private List<Task> tasksOf(String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().list();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private long countOf(String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId()).toList();
  }

  record Scans(long count) {}

  private static Scans captureScans(Supplier<Void> work) {
    Logger log = (Logger) LoggerFactory.getLogger(SCAN_STATEMENT);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level level = log.getLevel();
    log.addAppender(appender);
    log.setLevel(Level.DEBUG);
    try {
      work.get();
    } finally {
      log.detachAppender(appender);
      log.setLevel(level);
    }
    return new Scans(appender.list.stream().filter(e -> e.getFormattedMessage().contains("Preparing:")).count());
  }
}
