package vn.gov.sonla.tdkt.appraisal;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.DossierRepository;

/**
 * The appraisal task ({@code ${appraisalTask…}}): after a supplement the dossier goes back to the
 * appraiser who asked for it; on completion the outcome and its explanation are checked (the form
 * checks them too, but the engine REST API can be called without the form).
 */
@Component("appraisalTask")
public class AppraisalTask {

  private static final Set<String> OUTCOMES = Set.of("VALID", "SUPPLEMENT", "REJECTED");

  private final DossierRepository dossiers;

  public AppraisalTask(DossierRepository dossiers) {
    this.dossiers = dossiers;
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
    String appraiser = task.getAssignee() != null ? task.getAssignee()
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    task.getExecution().setVariable("appraiser", appraiser);
    dossiers.setAppraiser(task.getExecution().getProcessBusinessKey(), appraiser);
  }

  static void requireText(DelegateTask task, String variable, String message) {
    Object value = task.getVariable(variable);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new TaskInputException(message);
    }
  }
}
