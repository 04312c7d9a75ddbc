package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code decision-batch} on the bare engine, its beans replaced by recording fakes: approve all,
 * exclude some, refuse some, refuse all (no decision), the clerk's numbering, and a batch with no dossier.
 */
@Deployment(resources = "processes/decision-batch.bpmn")
class DecisionBatchProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("engine-alone.camunda.cfg.xml").build();

  private final List<String> calls = new ArrayList<>();
  private int proposed = 3;
  private boolean byClerk;

  /** The fakes: each records its call; the Chairman's task counts what is left after exclusions and refusals. */
  public class Numbering {
    public boolean byClerk() {
      return byClerk;
    }

    public void created(DelegateTask task) {
      calls.add("numbering-created");
    }

    public void completed(DelegateTask task) {
      calls.add("numbered " + task.getVariable("decisionSeq"));
      task.getExecution().setVariable("decisionSeq", task.getVariable("decisionSeq"));
    }
  }

  public class ChairmanTask {
    public void completed(DelegateTask task) {
      int excluded = lines(task.getVariable("excludedList"));
      int refused = lines(task.getVariable("refusedList"));
      task.getExecution().setVariable("includedCount", proposed - excluded - refused);
      calls.add("decided excluded=" + excluded + " refused=" + refused);
    }

    private int lines(Object text) {
      return text instanceof String s && !s.isBlank() ? s.strip().split("\\R").length : 0;
    }
  }

  @BeforeEach
  void register() {
    // the assertions' engine is this one (an earlier Spring test in the same JVM may have left its own)
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("collectBatchDossiers", (JavaDelegate) e -> {
      calls.add("collect");
      e.setVariable("batchCount", proposed);
    });
    Mocks.register("composeBatchProposal", recording("proposal"));
    Mocks.register("releaseExcludedDossiers", recording("release"));
    Mocks.register("refuseBatchDossiers", recording("refuse"));
    Mocks.register("issueBatchDecision", (JavaDelegate) e -> {
      calls.add("issue " + (e.getVariable("decisionSeq") == null ? "internal" : "clerk"));
      e.setVariable("decisionNumber", "1/QĐ-UBND");
    });
    Mocks.register("awardBatchDossiers", recording("award"));
    Mocks.register("decisionNumbering", new Numbering());
    Mocks.register("decisionBatchTask", new ChairmanTask());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  private JavaDelegate recording(String name) {
    return e -> calls.add(name);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("decision-batch", "2025-R1-BK_TINH");
  }

  @Test
  void theChairmanApprovesTheWholeBatchAndOneDecisionIsIssued() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_DecideBatch").task().hasCandidateGroup("chairman");
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery().processInstanceId(pi.getId())
        .initializeFormKeys().singleResult().getCamundaFormRef().getKey()).isEqualTo("decision-batch");
    assertThat(calls).containsExactly("collect", "proposal");
    complete(task(pi), withVariables("draftReviewed", true));
    assertThat(pi).isEnded().hasPassedInOrder("Task_ReleaseExcluded", "Task_RefuseDossiers", "Gateway_Numbering",
        "Task_IssueDecision", "Task_AwardDossiers", "EndEvent_Issued").hasNotPassed("Task_NumberDecision");
    assertThat(calls).containsExactly("collect", "proposal", "decided excluded=0 refused=0", "release", "refuse",
        "issue internal", "award");
  }

  @Test
  void excludedDossiersAreReleasedAndTheRestDecided() {
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true, "excludedList", "2025-sgddt-0001: làm rõ\n2025-syt-0002: x"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Issued");
    assertThat(calls).containsSubsequence("decided excluded=2 refused=0", "release", "issue internal", "award");
  }

  @Test
  void refusedDossiersAreRecordedAndTheRestDecided() {
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true, "refusedList", "2025-sgddt-0001: không đạt"));
    assertThat(pi).isEnded().hasPassed("Task_RefuseDossiers", "EndEvent_Issued");
    assertThat(calls).containsSubsequence("decided excluded=0 refused=1", "refuse", "issue internal", "award");
  }

  @Test
  void noDecisionWhenEveryDossierIsExcludedOrRefused() {
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true, "excludedList", "a: x\nb: y", "refusedList", "c: z"));
    assertThat(pi).isEnded().hasPassed("EndEvent_NoDecision").hasNotPassed("Task_IssueDecision");
    assertThat(calls).doesNotContain("issue internal", "award");
  }

  @Test
  void theClerkNumbersTheDecisionWhenTheSettingSaysSo() {
    byClerk = true;
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true));
    assertThat(pi).isWaitingAt("Task_NumberDecision").task().hasCandidateGroup("clerk");
    assertThat(calls).doesNotContain("issue internal", "issue clerk");
    complete(task(pi), withVariables("decisionSeq", 125));
    assertThat(pi).isEnded().hasPassed("EndEvent_Issued");
    assertThat(calls).containsSubsequence("numbering-created", "numbered 125", "issue clerk", "award");
  }

  @Test
  void aBatchWithNoDossierEndsAtOnce() {
    proposed = 0;
    ProcessInstance pi = start();
    assertThat(pi).isEnded().hasPassed("EndEvent_NoDossiers").hasNotPassed("Task_ComposeProposal");
  }
}
