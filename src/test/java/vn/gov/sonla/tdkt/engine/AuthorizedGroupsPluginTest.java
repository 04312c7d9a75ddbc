package vn.gov.sonla.tdkt.engine;

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

  // --- the engine method the plugin replaces -------------------------------------------------------------------

  /**
   * The plugin overrides {@code AuthorizationManager.filterAuthenticatedGroupIds}, whose only work is to keep the
   * groups that {@code getAllGroups} reads from the whole authorization table. This pins both methods' bytecode as the
   * engine (7.24.0) has it: a new engine that changes them fails here, so that the plugin is re-checked (and kept,
   * changed or switched off with {@code tdkt.authorization.skip-group-filter: false}) before it ships.
   */
  @Test
  void theEngineMethodItReplacesIsStillTheOneItWasCheckedAgainst() throws Exception {
    String resource = "/" + org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class.getName()
        .replace('.', '/') + ".class";
    byte[] bytes;
    try (var in = getClass().getResourceAsStream(resource)) {
      bytes = in.readAllBytes();
    }
    Map<String, List<String>> code = new java.util.TreeMap<>();
    new org.springframework.asm.ClassReader(bytes).accept(new org.springframework.asm.ClassVisitor(
        org.springframework.asm.Opcodes.ASM9) {
      @Override
      public org.springframework.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        if (!name.equals("filterAuthenticatedGroupIds") && !name.equals("getAllGroups")) {
          return null;
        }
        List<String> listing = new java.util.ArrayList<>();
        code.put(name + descriptor, listing);
        return new org.springframework.asm.MethodVisitor(org.springframework.asm.Opcodes.ASM9) {
          @Override public void visitInsn(int opcode) { listing.add("insn " + opcode); }
          @Override public void visitVarInsn(int opcode, int var) { listing.add("var " + opcode + " " + var); }
          @Override public void visitJumpInsn(int opcode, org.springframework.asm.Label label) {
            listing.add("jump " + opcode);
          }
          @Override public void visitTypeInsn(int opcode, String type) { listing.add("type " + opcode + " " + type); }
          @Override public void visitFieldInsn(int opcode, String owner, String field, String desc) {
            listing.add("field " + opcode + " " + owner + "." + field);
          }
          @Override public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
            listing.add("call " + owner + "." + method + desc);
          }
          @Override public void visitLdcInsn(Object value) { listing.add("ldc " + value); }
        };
      }
    }, org.springframework.asm.ClassReader.SKIP_DEBUG);

    assertThat(code.get("filterAuthenticatedGroupIds(Ljava/util/List;)Ljava/util/List;")).containsExactly(
        "var 25 1", "jump 198", "var 25 1", "call java/util/List.isEmpty()Z", "jump 153",
        "field 178 org/camunda/bpm/engine/impl/persistence/entity/AuthorizationManager.EMPTY_LIST", "insn 176",
        "type 187 java/util/HashSet", "insn 89", "var 25 0",
        "call org/camunda/bpm/engine/impl/persistence/entity/AuthorizationManager.getAllGroups()Ljava/util/Set;",
        "call java/util/HashSet.<init>(Ljava/util/Collection;)V", "var 58 2", "var 25 2", "var 25 1",
        "call java/util/Set.retainAll(Ljava/util/Collection;)Z", "insn 87",
        "type 187 java/util/ArrayList", "insn 89", "var 25 2",
        "call java/util/ArrayList.<init>(Ljava/util/Collection;)V", "insn 176");
    assertThat(code.get("getAllGroups()Ljava/util/Set;"))
        .as("getAllGroups still reads the authorized group ids once per command")
        .contains("ldc selectAuthorizedGroupIds");
  }
}
