package vn.gov.sonla.tdkt.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.engine.EngineUser;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/**
 * Verification of an objection ({@code ${objectionReview.completed(task)}}): the finding is
 * required; the objection's record is closed as upheld or dismissed.
 */
@Component("objectionReview")
public class ObjectionReview {

  private final ObjectionRepository objections;
  private final AuditLog audit;

  private final Clock clock;

  public ObjectionReview(ObjectionRepository objections, AuditLog audit, Clock clock) {
    this.clock = clock;
    this.objections = objections;
    this.audit = audit;
  }

  public void completed(DelegateTask task) {
    Object outcome = task.getVariable("objectionOutcome");
    if (!"UPHELD".equals(outcome) && !"DISMISSED".equals(outcome)) {
      throw new TaskInputException("Chưa chọn kết quả xác minh (phản ánh đúng hay không có cơ sở).");
    }
    boolean value = "UPHELD".equals(outcome);
    Object finding = task.getVariable("objectionFinding");
    if (!(finding instanceof String text) || text.isBlank()) {
      throw new TaskInputException("Chưa nhập kết quả xác minh.");
    }
    String reviewer = EngineUser.actor(task);
    objections.review((String) task.getVariable("objectionId"), value, text.strip(), reviewer,
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    audit.append(task.getExecution().getProcessBusinessKey(), AuditLog.OBJECTION_REVIEWED,
        AuditLog.detail("objectionId", task.getVariable("objectionId"), "outcome", outcome, "reviewedBy", reviewer));
    // the outcome drives the model's gateway; an upheld finding is the reason the dossier is not awarded
    task.getExecution().setVariable("objectionUpheld", value);
    task.getExecution().getProcessInstance().setVariable("objectionFinding", text.strip());
  }
}
