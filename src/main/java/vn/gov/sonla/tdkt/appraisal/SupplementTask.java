package vn.gov.sonla.tdkt.appraisal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/**
 * The unit's supplement task ({@code ${supplementTask.completed(task)}}): on creation it tells the unit and gives the
 * form the address of the upload page ({@code supplementUrl}, task-local); it can be completed only once
 * supplementary documents have been uploaded (page or API) since it was created; the upload refreshes the variables
 * {@code documents} and {@code supplementDocuments} that the next appraisal's form lists.
 */
@Component("supplementTask")
public class SupplementTask {

  private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final JdbcClient jdbc;
  private final vn.gov.sonla.tdkt.notification.Notifications notifications;
  private final vn.gov.sonla.tdkt.calendar.CalendarProperties calendar;

  public SupplementTask(JdbcClient jdbc, vn.gov.sonla.tdkt.notification.Notifications notifications,
      vn.gov.sonla.tdkt.calendar.CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.calendar = calendar;
  }

  /** The unit is told what to add and by when. */
  public void created(DelegateTask task) {
    String code = task.getExecution().getProcessBusinessKey();
    // the form's link to the unit's upload page for this dossier (it links back to this task in Tasklist)
    task.setVariableLocal("supplementUrl", "/dossiers/supplement.html?code=" + code);
    Object missing = task.getVariable("missingItems");
    String due = task.getDueDate() == null ? "" : " Hạn bổ sung: "
        + DAY.format(task.getDueDate().toInstant().atZone(calendar.zone())) + ".";
    notifications.send((String) task.getVariable("unitGroup"), code, "SUPPLEMENT_REQUESTED",
        "Hồ sơ " + code + " cần bổ sung" + (missing == null || missing.toString().isBlank() ? "."
            : ": " + missing.toString().strip()) + due);
  }

  public void completed(DelegateTask task) {
    AppraisalTask.requireText(task, "supplementNote", "Chưa nhập nội dung đã bổ sung.");
    long uploaded = jdbc.sql("SELECT COUNT(*) FROM dossier_document WHERE dossier_code = :code AND uploaded_at >= :since")
        .param("code", task.getExecution().getProcessBusinessKey())
        .param("since", OffsetDateTime.ofInstant(task.getCreateTime().toInstant(), ZoneOffset.UTC))
        .query(Long.class)
        .single();
    if (uploaded == 0) {
      throw new TaskInputException("Chưa có tài liệu bổ sung: hãy tải tài liệu lên trang hồ sơ rồi hoàn thành việc.");
    }
    // the next appraisal starts without a preselected outcome
    task.getExecution().removeVariable("appraisalOutcome");
  }
}
