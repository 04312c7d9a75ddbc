package vn.gov.sonla.tdkt.appraisal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The appraisal is overdue: the task goes to the division head ({@code tdkt.appraisal.lead-user})
 * at top priority, and both the head and the previous appraiser are told.
 */
@Component("escalateAppraisal")
public class EscalateAppraisal implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 90;

  private final TaskService tasks;
  private final IdentityService identity;
  private final Notifications notifications;
  private final AppraisalProperties properties;

  public EscalateAppraisal(TaskService tasks, IdentityService identity, Notifications notifications,
      AppraisalProperties properties) {
    this.tasks = tasks;
    this.identity = identity;
    this.notifications = notifications;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = AppraisalTasks.current(tasks, execution);
    String code = execution.getProcessBusinessKey();
    String previous = task.getAssignee();
    String lead = properties.leadUser();
    boolean leadExists = lead != null && identity.createUserQuery().userId(lead).memberOfGroup(Groups.HOME_AFFAIRS)
        .count() > 0;
    String message = "Hồ sơ " + code + " đã quá hạn thẩm định"
        + (previous == null ? " mà chưa có người nhận xử lý." : " (người thẩm định: " + previous + ").");
    if (leadExists) {
      tasks.setAssignee(task.getId(), lead);
      notifications.send(lead, code, "APPRAISAL_ESCALATED", message + " Hồ sơ được chuyển lãnh đạo phòng xử lý.");
    } else {
      notifications.send(Groups.HOME_AFFAIRS, code, "APPRAISAL_ESCALATED",
          message + " Chưa cấu hình lãnh đạo phòng (tdkt.appraisal.lead-user).");
    }
    if (previous != null && !previous.equals(lead)) {
      notifications.send(previous, code, "APPRAISAL_ESCALATED", message + " Hồ sơ đã được chuyển lãnh đạo phòng.");
    }
    tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    execution.setVariable("appraisalEscalated", true);
  }
}
