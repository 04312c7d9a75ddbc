package vn.gov.sonla.tdkt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.gov.sonla.tdkt.support.EngineAlone;

/**
 * The plugin registers the {@code dossierStatus} listener exactly on the events an activity declares a status for
 * (start, assignment, end), before the activity's own start listeners, and nowhere else.
 */
class DossierStatusPluginTest {

  @RegisterExtension
  static ProcessEngineExtension extension = EngineAlone.extension("dossier-status-plugin");

  final List<String> calls = new ArrayList<>();
  RuntimeService runtime;
  TaskService tasks;
  RepositoryService repository;
  String deployment;

  /** Records which activity notified it, on which event. */
  public class Recorder implements ExecutionListener, TaskListener {
    @Override
    public void notify(DelegateExecution execution) {
      calls.add(execution.getCurrentActivityId() + ":" + execution.getEventName());
    }

    @Override
    public void notify(DelegateTask task) {
      calls.add(task.getTaskDefinitionKey() + ":" + task.getEventName());
    }

    public void own(DelegateExecution execution) {
      calls.add(execution.getCurrentActivityId() + ":own-" + execution.getEventName());
    }
  }

  @BeforeEach
  void setUp() {
    runtime = extension.getProcessEngine().getRuntimeService();
    tasks = extension.getProcessEngine().getTaskService();
    repository = extension.getProcessEngine().getRepositoryService();
    Recorder recorder = new Recorder();
    Mocks.register("dossierStatus", recorder);
    Mocks.register("recorder", recorder);
    Mocks.register("work", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> calls.add("work"));
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <bpmn:process id="status-plugin" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Review" />
            <bpmn:userTask id="Task_Review">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="dossierStatus" value="SUBMITTED" />
                  <camunda:property name="dossierStatusOnAssignment" value="IN_APPRAISAL" />
                </camunda:properties>
                <camunda:executionListener event="start" expression="${recorder.own(execution)}" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="F2" sourceRef="Task_Review" targetRef="Task_Plain" />
            <bpmn:userTask id="Task_Plain" />
            <bpmn:sequenceFlow id="F3" sourceRef="Task_Plain" targetRef="Task_Close" />
            <bpmn:serviceTask id="Task_Close" camunda:delegateExpression="${work}">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="dossierStatusOnEnd" value="RETURNED" />
                </camunda:properties>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="F4" sourceRef="Task_Close" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    deployment = repository.createDeployment().addString("status-plugin.bpmn", model).deploy().getId();
  }

  @AfterEach
  void tearDown() {
    repository.deleteDeployment(deployment, true);
    Mocks.reset();
  }

  @Test
  void theListenerRunsOnTheDeclaredEventsOnly() {
    String pi = runtime.startProcessInstanceByKey("status-plugin", "2026-test-0001").getId();
    assertThat(calls).containsExactly("Task_Review:start", "Task_Review:own-start");

    var review = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    tasks.claim(review.getId(), "appraiser");
    assertThat(calls).endsWith("Task_Review:assignment");
    tasks.complete(review.getId());

    calls.clear();
    var plain = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    tasks.claim(plain.getId(), "appraiser");
    tasks.complete(plain.getId());
    assertThat(calls).containsExactly("work", "Task_Close:end");
  }
}
