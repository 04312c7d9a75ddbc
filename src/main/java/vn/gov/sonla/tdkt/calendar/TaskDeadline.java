package vn.gov.sonla.tdkt.calendar;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Puts a task's deadline into its form ({@code ${taskDeadline.show(task)}} on create): the local variable
 * {@code dueLabel}, e.g. "17:00 ngày 15/12/2026", which the task forms print next to the dossier's summary.
 */
@Component("taskDeadline")
public class TaskDeadline {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final CalendarProperties calendar;

  public TaskDeadline(CalendarProperties calendar) {
    this.calendar = calendar;
  }

  public void show(DelegateTask task) {
    task.setVariableLocal("dueLabel", task.getDueDate() == null ? "không đặt hạn"
        : FORMAT.format(task.getDueDate().toInstant().atZone(calendar.zone())));
  }
}
