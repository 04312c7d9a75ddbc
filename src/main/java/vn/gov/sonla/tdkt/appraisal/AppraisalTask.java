package vn.gov.sonla.tdkt.appraisal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.engine.EngineUser;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/**
 * The appraisal task ({@code ${appraisalTask…}}): after a supplement the dossier goes back to the
 * appraiser who asked for it; on completion the outcome and its explanation are checked (the form
 * checks them too, but the engine REST API can be called without the form).
 */
@Component("appraisalTask")
public class AppraisalTask {

  private static final Set<String> OUTCOMES = Set.of("VALID", "SUPPLEMENT", "REJECTED");

  private final DossierRepository dossiers;
  private final AuditLog audit;

  public AppraisalTask(DossierRepository dossiers, AuditLog audit) {
    this.dossiers = dossiers;
    this.audit = audit;
  }

  public String previousAppraiser(DelegateExecution execution) {
    return (String) execution.getVariable("appraiser");
  }

  public void completed(DelegateTask task) {
    Object outcome = task.getVariable("appraisalOutcome");
    if (!(outcome instanceof String value) || !OUTCOMES.contains(value)) {
      throw new TaskInputException("Chưa chọn kết quả thẩm định (hợp lệ, cần bổ sung, hoặc không đủ điều kiện).");
    }
    requireText(task, "appraisalSummary", "Chưa nhập ý kiến thẩm định.");
    if ("SUPPLEMENT".equals(value)) {
      requireText(task, "missingItems", "Chưa nêu tài liệu, nội dung cần bổ sung.");
    }
    if ("REJECTED".equals(value)) {
      requireText(task, "rejectionReason", "Chưa nêu lý do hồ sơ không đủ điều kiện.");
    }
    boolean override = "VALID".equals(value) && Boolean.FALSE.equals(task.getVariable("eligible"));
    if (override) {
      requireText(task, "eligibilityOverrideReason", "Kết quả xét tiêu chuẩn tự động là chưa đủ tiêu chuẩn: muốn đánh giá"
          + " hồ sơ hợp lệ phải nêu lý do.");
      String reason = ((String) task.getVariable("eligibilityOverrideReason")).strip();
      if (reason.length() > 2000) {
        throw new TaskInputException("Lý do đánh giá hợp lệ khi chưa đủ tiêu chuẩn không được dài quá 2000 ký tự.");
      }
    }
    task.getExecution().setVariable("eligibilityOverridden", override);
    String appraiser = task.getAssignee() != null ? task.getAssignee()
        : EngineUser.currentUserId(task.getProcessEngineServices().getIdentityService());
    task.getExecution().setVariable("appraiser", appraiser);
    dossiers.setAppraiser(task.getExecution().getProcessBusinessKey(), appraiser);
    if (override) {
      audit.append(task.getExecution().getProcessBusinessKey(), AuditLog.ELIGIBILITY_OVERRIDDEN, AuditLog.detail(
          "appraiser", appraiser, "reason", ((String) task.getVariable("eligibilityOverrideReason")).strip(),
          "unmetCriteria", unmetCriteria(task.getVariable("eligibility")),
          "regime", task.getVariable("eligibilityRegime")));
    }
  }

  private static List<String> unmetCriteria(Object eligibility) {
    List<String> codes = new ArrayList<>();
    if (eligibility instanceof SpinJsonNode json && json.hasProp("unmet")) {
      json.prop("unmet").elements().forEach(e -> codes.add(e.prop("criterion").stringValue()));
    }
    return codes;
  }

  static void requireText(DelegateTask task, String variable, String message) {
    Object value = task.getVariable(variable);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new TaskInputException(message);
    }
  }
}
