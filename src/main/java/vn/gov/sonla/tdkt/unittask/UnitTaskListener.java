package vn.gov.sonla.tdkt.unittask;

import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.TaskCandidates;

/**
 * Keeps {@code unit_task} equal to the engine's open tasks by candidate group. Received from the engine's Spring
 * event bridge ({@code camunda.bpm.eventing.task}), which the starter registers on every user task as a task
 * listener for create, assignment, update, complete and delete, and publishes synchronously: this runs in the
 * engine's command, in its transaction, and rolls back with it. {@code camunda.bpm.eventing.skippable: false}
 * makes those listeners built-in, so that a cancellation "skipping custom listeners" (Cockpit) still removes the
 * rows.
 *
 * <ul>
 *   <li>create: the task's rows, one per candidate group;
 *   <li>update (claim, candidate groups, due date, name changed): its rows are updated where they are, a row added
 *       for a new candidate group and removed for one that is no longer (never deleted and inserted again in one
 *       transaction: on H2 that re-insert hit the primary key after a crash, CI of 2026-12-08);
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
      case TaskListener.EVENTNAME_CREATE -> write(task, Set.of());
      case TaskListener.EVENTNAME_UPDATE -> write(task, repository.groupsOf(task.getId()));
      case TaskListener.EVENTNAME_ASSIGNMENT -> repository.assign(task.getId(), task.getAssignee());
      case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> repository.deleteTask(task.getId());
      default -> { }
    }
  }

  /** Writes the task's rows, given the candidate groups it has rows for. */
  private void write(DelegateTask task, Set<String> stored) {
    Set<String> groups = TaskCandidates.groups(task);
    for (String gone : stored) {
      if (!groups.contains(gone)) {
        repository.deleteGroup(task.getId(), gone);
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
      UnitTask row = new UnitTask(task.getId(), group, task.getTaskDefinitionKey(), task.getName(),
          task.getAssignee(), created, due, task.getProcessInstanceId(), processKey, businessKey,
          text(task, "dossierCode"), text(task, "subjectName"), text(task, "awardType"), text(task, "awardTypeName"),
          year instanceof Number n ? n.intValue() : null);
      if (stored.contains(group)) {
        repository.update(row);
      } else {
        repository.insert(row);
      }
    }
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof String s ? s : null;
  }
}
