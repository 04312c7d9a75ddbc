package vn.gov.sonla.tdkt.unittask;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code unit_task} equal to the engine's open tasks by candidate group. Received from the engine's Spring
 * event bridge ({@code camunda.bpm.eventing.task}), which the starter registers on every user task as a task
 * listener for create, assignment, update, complete and delete, and publishes synchronously: this runs in the
 * engine's command, in its transaction, and rolls back with it. {@code camunda.bpm.eventing.skippable: false}
 * makes those listeners built-in, so that a cancellation "skipping custom listeners" (Cockpit) still removes the
 * rows.
 *
 * <ul>
 *   <li>create, update (candidate groups, due date, name changed): the task's rows are written anew, one per
 *       candidate group;
 *   <li>assignment (claim, unclaim, assign): the assignee of its rows;
 *   <li>complete, delete (the instance cancelled, withdrawn, a boundary event): the rows go.
 * </ul>
 */
@Component
public class UnitTaskListener {

  private final UnitTaskRepository repository;

  public UnitTaskListener(UnitTaskRepository repository) {
    this.repository = repository;
  }

  @EventListener
  public void on(DelegateTask task) {
    String event = task.getEventName();
    if (event == null) {
      return;
    }
    switch (event) {
      case TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE -> write(task);
      case TaskListener.EVENTNAME_ASSIGNMENT -> repository.assign(task.getId(), task.getAssignee());
      case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> repository.deleteTask(task.getId());
      default -> { }
    }
  }

  private void write(DelegateTask task) {
    repository.deleteTask(task.getId());
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    String definition = task.getProcessDefinitionId();
    String processKey = definition == null ? null : definition.substring(0, Math.max(0, definition.indexOf(':')));
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    Instant created = task.getCreateTime() == null ? null : task.getCreateTime().toInstant();
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    Object year = task.getVariable("awardYear");
    for (String group : groups) {
      repository.insert(new UnitTask(task.getId(), group, task.getTaskDefinitionKey(), task.getName(),
          task.getAssignee(), created, due, task.getProcessInstanceId(), processKey, businessKey,
          text(task, "dossierCode"), text(task, "subjectName"), text(task, "awardType"), text(task, "awardTypeName"),
          year instanceof Number n ? n.intValue() : null));
    }
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof String s ? s : null;
  }
}
