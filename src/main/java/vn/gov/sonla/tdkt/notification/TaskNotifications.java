package vn.gov.sonla.tdkt.notification;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;

/**
 * Every new user task tells the people who must do it, once: its assignee if it has one, else its candidate
 * groups and users. Received from the engine's Spring event bridge ({@code camunda.bpm.eventing.task}, on by
 * default) on the task's creation, so in the engine's transaction. Tasks whose own step already tells the same
 * people (the unit's supplement request, the overdue plan item's escalation) are left to that step.
 */
@Component
public class TaskNotifications {

  /** Task definitions whose creating step sends its own, more specific notification to the same recipients. */
  static final Set<String> NOTIFIED_BY_THEIR_STEP = Set.of("Task_Supplement", "Task_Escalation");

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final Notifications notifications;
  private final CalendarProperties calendar;

  public TaskNotifications(Notifications notifications, CalendarProperties calendar) {
    this.notifications = notifications;
    this.calendar = calendar;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void created(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        || NOTIFIED_BY_THEIR_STEP.contains(task.getTaskDefinitionKey())) {
      return;
    }
    Set<String> recipients = recipients(task);
    if (recipients.isEmpty()) {
      return;
    }
    String kind = kind(task);
    String dossierCode = stringVariable(task, "dossierCode");
    String message = message(task, kind, dossierCode);
    for (String recipient : recipients) {
      notifications.send(recipient, dossierCode, kind, message);
    }
  }

  /** The assignee alone if there is one; otherwise every candidate group and user. */
  static Set<String> recipients(DelegateTask task) {
    Set<String> recipients = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      recipients.add(task.getAssignee());
      return recipients;
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        recipients.add(link.getGroupId() != null ? link.getGroupId() : link.getUserId());
      }
    }
    recipients.remove(null);
    return recipients;
  }

  static String kind(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      // a second appraisal of the same dossier follows the unit's supplement
      case "Task_Appraise" -> task.hasVariable("supplementNote") ? "SUPPLEMENT_RECEIVED" : "NEW_DOSSIER";
      case "Task_VerifyObjection" -> "OBJECTION_FILED";
      case "Task_VerifyConsultationObjection" -> "CONSULTATION_OBJECTION_FILED";
      case "Task_Ballot" -> "BALLOT_OPENED";
      case "Task_Decide", "Task_DecideBatch" -> "DECISION_WAITING";
      default -> "NEW_TASK";
    };
  }

  private String message(DelegateTask task, String kind, String dossierCode) {
    String due = task.getDueDate() == null ? ""
        : " Hạn: " + DUE.format(task.getDueDate().toInstant().atZone(calendar.zone())) + ".";
    String dossier = dossierCode == null ? "" : dossierLabel(task, dossierCode);
    String text = switch (kind) {
      case "NEW_DOSSIER" -> "Hồ sơ mới chờ thẩm định: " + dossier + ".";
      case "SUPPLEMENT_RECEIVED" -> "Đơn vị đã bổ sung hồ sơ " + dossier + "; hồ sơ chờ thẩm định lại.";
      case "OBJECTION_FILED" -> "Có ý kiến phản ánh về hồ sơ " + dossier + " trong thời gian công khai; cần xác minh.";
      case "CONSULTATION_OBJECTION_FILED" -> "Có ý kiến phản ánh về hồ sơ " + dossier
          + " trong thời gian lấy ý kiến trước khi Hội đồng xét; cần xác minh.";
      case "BALLOT_OPENED" -> "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh " + task.getExecution().getProcessBusinessKey()
          + " đã phát phiếu biểu quyết; xin đồng chí bỏ phiếu.";
      case "DECISION_WAITING" -> dossierCode == null ? "Đợt " + task.getExecution().getProcessBusinessKey()
          + " (" + task.getVariable("batchCount") + " hồ sơ " + task.getVariable("awardTypeName")
          + ") chờ quyết định khen thưởng." : "Hồ sơ " + dossier + " chờ quyết định khen thưởng.";
      default -> "Việc mới: " + task.getName() + (dossierCode == null
          ? " (" + task.getExecution().getProcessBusinessKey() + ")" : ", hồ sơ " + dossier) + ".";
    };
    return text + due;
  }

  /** "2026-sgddt-0001 (Nguyễn Thị Lan, Bằng khen của Chủ tịch UBND tỉnh, Sở Giáo dục và Đào tạo)". */
  private static String dossierLabel(DelegateTask task, String code) {
    StringBuilder details = new StringBuilder();
    for (String name : new String[] {"subjectName", "awardTypeName", "unitName"}) {
      String value = stringVariable(task, name);
      if (value != null && !value.isBlank()) {
        details.append(details.isEmpty() ? "" : ", ").append(value);
      }
    }
    return details.isEmpty() ? code : code + " (" + details + ")";
  }

  private static String stringVariable(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof String s ? s : null;
  }
}
