package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.gov.sonla.tdkt.appraisal.AppraisalTask;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.calendar.Deadlines;
import vn.gov.sonla.tdkt.support.EngineAlone;

/**
 * The load test's skeleton of commendation-dossier (issue 20's anchor, {@code src/load/resources}, deployed by the
 * load harness as a new version of the real model on the anchor's database copy): it keeps the real model's wait
 * states (same ids, candidate groups, forms, message names and timers) and nothing of the project's work; the
 * backlog's instances of the real model, waiting where the scenario finds them, migrate onto it with the plan the
 * harness uses (equal activities, event triggers kept), and the scenario's steps run on them and on a new
 * submission.
 */
class LoadSkeletonModelTest {

  static final Path SKELETON = Path.of("src/load/resources/load/commendation-dossier-skeleton.bpmn");
  static final Path REAL = Path.of("processes/commendation-dossier.bpmn");
  /** As LoadEnvironment.WAIT_STATES (src/load/java): the leaf activities the harness migrates instances from. */
  static final List<String> WAIT_STATES = List.of("Task_Appraise", "Task_Supplement",
      "Event_AwaitCouncilResolution", "Timer_NoticePeriod", "Task_VerifyObjection", "Event_AwaitDecisionBatch");

  @RegisterExtension
  static ProcessEngineExtension extension = EngineAlone.extension("load-skeleton");

  ProcessEngine engine;
  RuntimeService runtime;
  TaskService tasks;
  final DossierRepository dossiers = mock(DossierRepository.class);
  final Deadlines deadlines = mock(Deadlines.class);

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    Date later = Date.from(Instant.now().plus(20, ChronoUnit.DAYS));
    when(deadlines.appraisalDue()).thenReturn(later);
    when(deadlines.appraisalReminder()).thenReturn(later);
    when(deadlines.supplementDue()).thenReturn(later);
    when(deadlines.publicNoticeEnd()).thenReturn(later);
    when(dossiers.updateStatus(anyString(), any(), any(), any())).thenReturn(1);
    Mocks.register("deadlines", deadlines);
    Mocks.register("dossierStatus", new DossierStatusListener(dossiers, mock(AuditLog.class),
        new vn.gov.sonla.tdkt.engine.EngineClock(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
    Mocks.register("appraisalTask", mock(AppraisalTask.class));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true, true));
  }

  @Test
  void theSkeletonKeepsTheRealModelsWaitStatesAndNothingOfItsWork() throws IOException {
    BpmnModelInstance skeleton = Bpmn.readModelFromFile(SKELETON.toFile());
    BpmnModelInstance real = Bpmn.readModelFromFile(REAL.toFile());
    assertThat((Object) skeleton.getModelElementById("commendation-dossier")).isNotNull();
    List<String> checked = new ArrayList<>();
    for (UserTask task : skeleton.getModelElementsByType(UserTask.class)) {
      UserTask same = (UserTask) real.getModelElementById(task.getId());
      assertThat(same).as(task.getId()).isNotNull();
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo(same.getCamundaCandidateGroups());
      assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(same.getCamundaFormRef());
      checked.add(task.getId());
    }
    for (CatchEvent event : skeleton.getModelElementsByType(CatchEvent.class)) {
      BaseElement same = (BaseElement) real.getModelElementById(event.getId());
      assertThat(same).as(event.getId()).isInstanceOf(CatchEvent.class);
      for (MessageEventDefinition message : event.getChildElementsByType(MessageEventDefinition.class)) {
        assertThat(((CatchEvent) same).getChildElementsByType(MessageEventDefinition.class))
            .as(event.getId()).extracting(m -> m.getMessage().getName()).containsExactly(message.getMessage().getName());
        checked.add(event.getId());
      }
      if (!event.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
        assertThat(((CatchEvent) same).getChildElementsByType(TimerEventDefinition.class)).as(event.getId())
            .hasSize(1);
        checked.add(event.getId());
      }
    }
    assertThat(checked).containsAll(WAIT_STATES);
    // no delegate, decision table, listener or status declaration: the project's work is left out
    String text = Files.readString(SKELETON);
    for (String work : List.of("delegateExpression", "camunda:class", "decisionRef", "Listener",
        "camunda:properties", "inputOutput")) {
      assertThat(text).as(work).doesNotContain(work);
    }
    for (FlowNode node : skeleton.getModelElementsByType(FlowNode.class)) {
      assertThat((Object) real.getModelElementById(node.getId()) != null || node.getId().startsWith("Gateway_"))
          .as(node.getId() + " is a step of the real model").isTrue();
    }
  }

  @Test
  void theBacklogMigratesOntoTheSkeletonAndTheScenarioRunsOnIt() throws IOException {
    ProcessDefinition realDefinition = deploy("processes/commendation-dossier.bpmn", REAL);
    // the backlog as the real model left it: waiting in each state the scenario reaches
    Map<String, String> states = new java.util.LinkedHashMap<>();
    states.put("2026-A-0001", "Task_Appraise");
    states.put("2026-A-0002", "Task_Supplement");
    states.put("2026-A-0003", "Event_AwaitCouncilResolution");
    states.put("2026-A-0004", "Timer_NoticePeriod");
    states.put("2026-A-0005", "Event_AwaitDecisionBatch");
    states.forEach((code, state) -> runtime.createProcessInstanceById(realDefinition.getId()).businessKey(code)
        .setVariable("unitGroup", "unit-sgddt").setVariable("procedure", "NORMAL")
        .startBeforeActivity(state).execute(true, true));
    runtime.createProcessInstanceById(realDefinition.getId()).businessKey("2026-A-0006")
        .setVariable("unitGroup", "unit-sgddt").startBeforeActivity("Task_Decide").execute(true, true);

    ProcessDefinition skeleton = deploy("commendation-dossier-skeleton.bpmn", SKELETON);
    assertThat(skeleton.getKey()).isEqualTo("commendation-dossier");
    assertThat(skeleton.getVersion()).isEqualTo(realDefinition.getVersion() + 1);
    MigrationPlan plan = runtime.createMigrationPlan(realDefinition.getId(), skeleton.getId())
        .mapEqualActivities().build();
    List<String> waiting = runtime.createProcessInstanceQuery().processDefinitionId(realDefinition.getId())
        .activityIdIn(WAIT_STATES.toArray(String[]::new)).list().stream().map(ProcessInstance::getId).toList();
    assertThat(waiting).hasSize(5);
    runtime.newMigration(plan).processInstanceIds(waiting).skipCustomListeners().skipIoMappings().execute();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(skeleton.getId()).count()).isEqualTo(5);
    // the one waiting where the skeleton has no such state stays on the real model
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(realDefinition.getId()).list())
        .extracting(ProcessInstance::getBusinessKey).containsExactly("2026-A-0006");

    // the appraiser asks for a supplement: the unit's task
    Task appraisal = task("2026-A-0001", "Task_Appraise");
    assertThat(tasks.getIdentityLinksForTask(appraisal.getId())).extracting(l -> l.getGroupId())
        .containsExactly("home-affairs");
    tasks.claim(appraisal.getId(), "appraiser");
    tasks.complete(appraisal.getId(), Map.of("appraisalOutcome", "SUPPLEMENT", "missingItems", "Biên bản"));
    Task supplement = task("2026-A-0001", "Task_Supplement");
    assertThat(tasks.getIdentityLinksForTask(supplement.getId())).extracting(l -> l.getGroupId())
        .containsExactly("unit-sgddt");
    // the council's resolution, the notice's end, the batch's outcome
    runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey("2026-A-0003")
        .setVariable("councilPassed", true).correlate();
    assertThat(activities("2026-A-0003")).containsExactly("Timer_NoticePeriod");
    String timer = engine.getManagementService().createJobQuery().activityId("Timer_NoticePeriod")
        .processInstanceId(instance("2026-A-0004").getId()).singleResult().getId();
    engine.getManagementService().executeJob(timer);
    assertThat(activities("2026-A-0004")).containsExactly("Event_AwaitDecisionBatch");
    runtime.createMessageCorrelation("DecisionBatchOutcome").processInstanceBusinessKey("2026-A-0005")
        .setVariable("batchOutcome", "APPROVED").correlate();
    assertThat(instance("2026-A-0005")).isNull();
    // a new submission starts the skeleton (the latest version) and waits for the appraiser
    runtime.startProcessInstanceByKey("commendation-dossier", "2026-A-0007", Map.of("unitGroup", "unit-sgddt"));
    assertThat(instance("2026-A-0007").getProcessDefinitionId()).isEqualTo(skeleton.getId());
    assertThat(activities("2026-A-0007")).containsExactly("Task_Appraise");
  }

  private ProcessDefinition deploy(String name, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String deployment = engine.getRepositoryService().createDeployment().name(name)
          .addInputStream(file.getFileName().toString(), in).deploy().getId();
      return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }
  }

  private ProcessInstance instance(String code) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
  }

  private List<String> activities(String code) {
    return runtime.getActiveActivityIds(instance(code).getId());
  }

  private Task task(String code, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
  }
}
