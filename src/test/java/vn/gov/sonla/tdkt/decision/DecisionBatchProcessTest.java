package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
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
 * exclude some, refuse some, refuse all (no decision), the clerk's numbering, and a batch with no dossier. The
 * decision is issued in a job after the Chairman's (or the clerk's) click, and each dossier is awarded in a job of its
 * own by the real {@link AwardBatchDossiers} (issue 19): a failing dossier leaves an incident on its own job only.
 */
@Deployment(resources = "processes/decision-batch.bpmn")
class DecisionBatchProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("engine-alone.camunda.cfg.xml").build();

  private final List<String> calls = new ArrayList<>();
  private int proposed = 3;
  private boolean byClerk;
  /** Dossiers whose award fails (their process does not take the outcome). */
  private final Set<String> failing = new HashSet<>();

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
      e.setVariable("decisionDate", java.sql.Date.valueOf("2025-12-20"));
      e.setVariable("decidedBy", "chairman");
      e.setVariable("awardedCodes", String.join(",", codes.subList(0, (Integer) e.getVariable("includedCount"))));
    });
    BatchOutcomes outcomes = mock(BatchOutcomes.class);
    doAnswer(call -> {
      String code = call.getArgument(0);
      if (failing.contains(code)) {
        throw new IllegalStateException("Dossier " + code + " does not wait for the batch's outcome");
      }
      calls.add("award " + code + " " + call.<java.util.Map<String, Object>>getArgument(4).get("decisionNumber"));
      return null;
    }).when(outcomes).send(anyString(), eq("APPROVED"), anyString(), any(), any());
    Mocks.register("awardBatchDossiers", new AwardBatchDossiers(mock(DecisionBatchRepository.class), outcomes));
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

  private final List<String> codes = List.of("2025-sgddt-0001", "2025-syt-0002", "2025-sct-0003");

  /** Runs the process instance's jobs (the job executor is off) until none is left that does not fail. */
  private void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 20; i++) {
      List<Job> due = managementService().createJobQuery().processInstanceId(pi.getId()).withRetriesLeft().list()
          .stream().filter(j -> j.getExceptionMessage() == null).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> {
        try {
          managementService().executeJob(j.getId());
        } catch (RuntimeException e) {
          calls.add("failed " + e.getMessage());
        }
      });
    }
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
    // the click commits at once: the decision is issued by a job, retried R5/PT5M
    assertThat(pi).isWaitingAt("Task_IssueDecision");
    assertThat(calls).doesNotContain("issue internal");
    execute(job("Task_IssueDecision", pi));
    // each dossier is awarded in its own job
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Task_AwardDossiers")
        .count()).isEqualTo(3);
    runJobs(pi);
    assertThat(pi).isEnded().hasPassedInOrder("Task_ReleaseExcluded", "Task_RefuseDossiers", "Gateway_Numbering",
        "Task_IssueDecision", "Task_AwardDossiers", "EndEvent_Issued").hasNotPassed("Task_NumberDecision");
    assertThat(calls).containsExactly("collect", "proposal", "decided excluded=0 refused=0", "release", "refuse",
        "issue internal", "award 2025-sgddt-0001 1/QĐ-UBND", "award 2025-syt-0002 1/QĐ-UBND",
        "award 2025-sct-0003 1/QĐ-UBND");
  }

  @Test
  void excludedDossiersAreReleasedAndTheRestDecided() {
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true, "excludedList", "2025-sgddt-0001: làm rõ\n2025-syt-0002: x"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_Issued");
    assertThat(calls).containsSubsequence("decided excluded=2 refused=0", "release", "issue internal",
        "award 2025-sgddt-0001 1/QĐ-UBND");
  }

  @Test
  void refusedDossiersAreRecordedAndTheRestDecided() {
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true, "refusedList", "2025-sgddt-0001: không đạt"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_RefuseDossiers", "EndEvent_Issued");
    assertThat(calls).containsSubsequence("decided excluded=0 refused=1", "refuse", "issue internal",
        "award 2025-sgddt-0001 1/QĐ-UBND");
  }

  @Test
  void noDecisionWhenEveryDossierIsExcludedOrRefused() {
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true, "excludedList", "a: x\nb: y", "refusedList", "c: z"));
    assertThat(pi).isEnded().hasPassed("EndEvent_NoDecision").hasNotPassed("Task_IssueDecision");
    assertThat(calls).doesNotContain("issue internal").noneMatch(c -> c.startsWith("award"));
  }

  @Test
  void theClerkNumbersTheDecisionWhenTheSettingSaysSo() {
    byClerk = true;
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true));
    assertThat(pi).isWaitingAt("Task_NumberDecision").task().hasCandidateGroup("clerk");
    assertThat(calls).doesNotContain("issue internal", "issue clerk");
    complete(task(pi), withVariables("decisionSeq", 125));
    // the clerk's click commits at once too
    assertThat(pi).isWaitingAt("Task_IssueDecision");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_Issued");
    assertThat(calls).containsSubsequence("numbering-created", "numbered 125", "issue clerk",
        "award 2025-sgddt-0001 1/QĐ-UBND");
  }

  @Test
  void aBatchWithNoDossierEndsAtOnce() {
    proposed = 0;
    ProcessInstance pi = start();
    assertThat(pi).isEnded().hasPassed("EndEvent_NoDossiers").hasNotPassed("Task_ComposeProposal");
  }

  @Test
  void aDossierWhoseAwardFailsLeavesAnIncidentOnItsOwnJobAndTheOthersAreAwarded() {
    failing.add("2025-syt-0002");
    ProcessInstance pi = start();
    complete(task(pi), withVariables("draftReviewed", true));
    execute(job("Task_IssueDecision", pi));
    runJobs(pi);

    // the two others are awarded; the decision was issued once and is not undone
    assertThat(calls).containsSubsequence("issue internal", "award 2025-sgddt-0001 1/QĐ-UBND",
        "award 2025-sct-0003 1/QĐ-UBND").doesNotContain("award 2025-syt-0002 1/QĐ-UBND");
    assertThat(calls.stream().filter("issue internal"::equals).count()).isEqualTo(1);
    // the failing one is retried on the model's cycle (R3/PT5M): not due again at once, retries left
    Job failed = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Task_AwardDossiers")
        .singleResult();
    assertThat(failed.getExceptionMessage()).contains("2025-syt-0002");
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 4 * 60_000));
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    // its retries used up: an incident on that dossier's job only, the batch waits for it
    while (managementService().createJobQuery().jobId(failed.getId()).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService().executeJob(failed.getId())).hasMessageContaining("2025-syt-0002");
    }
    List<Incident> incidents = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getActivityId()).isEqualTo("Task_AwardDossiers");
      assertThat(incident.getConfiguration()).isEqualTo(failed.getId());
    });
    assertThat(pi).isWaitingAt("Task_AwardDossiers").hasNotPassed("EndEvent_Issued");

    // repaired (its process takes the outcome again), the administrator retries it from Cockpit: the batch ends
    failing.clear();
    managementService().setJobRetries(failed.getId(), 1);
    managementService().executeJob(failed.getId());
    assertThat(pi).isEnded().hasPassed("EndEvent_Issued");
    assertThat(calls).contains("award 2025-syt-0002 1/QĐ-UBND");
  }
}
