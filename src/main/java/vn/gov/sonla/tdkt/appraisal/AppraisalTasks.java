package vn.gov.sonla.tdkt.appraisal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

final class AppraisalTasks {
  static final String APPRAISAL_TASK = "Task_Appraise";

  private AppraisalTasks() {}

  /** The open appraisal task of the execution's process instance. */
  static Task current(TaskService tasks, DelegateExecution execution) {
    return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(APPRAISAL_TASK).singleResult();
  }
}
