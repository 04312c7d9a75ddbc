package vn.gov.sonla.tdkt.appraisal;

import java.text.SimpleDateFormat;
import java.time.Clock;
import java.util.TimeZone;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/** Reminds the appraiser (or the division, if nobody has claimed it) that the appraisal is nearly due, if not yet overdue. */
@Component("remindAppraiser")
public class RemindAppraiser implements JavaDelegate {

  static final int REMINDED_PRIORITY = 70;

  private final TaskService tasks;
  private final Notifications notifications;
  private final CalendarProperties calendar;
  private final Clock clock;

  public RemindAppraiser(TaskService tasks, Notifications notifications, CalendarProperties calendar, Clock clock) {
    this.tasks = tasks;
    this.notifications = notifications;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = AppraisalTasks.current(tasks, execution);
    if (EngineClock.reached(clock, task.getDueDate())) {
      return; // already overdue (the reminder's job ran late): the escalation tells the people, not "nearly due"
    }
    String recipient = task.getAssignee() != null ? task.getAssignee() : Groups.HOME_AFFAIRS;
    SimpleDateFormat format = new SimpleDateFormat("HH:mm 'ngày' dd/MM/yyyy");
    format.setTimeZone(TimeZone.getTimeZone(calendar.zone()));
    notifications.send(recipient, execution.getProcessBusinessKey(), "APPRAISAL_REMINDER",
        "Hồ sơ " + execution.getProcessBusinessKey() + " sắp hết hạn thẩm định (hạn " + format.format(task.getDueDate())
            + ").");
    tasks.setPriority(task.getId(), Math.max(task.getPriority(), REMINDED_PRIORITY));
  }
}
