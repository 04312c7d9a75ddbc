package vn.gov.sonla.tdkt.decision;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.appraisal.TaskInputException;

/** The Chairman's decision task ({@code ${decisionTask.completed(task)}}): checks the input, records who decided. */
@Component("decisionTask")
public class DecisionTask {

  private static final Set<String> OUTCOMES = Set.of("APPROVE", "REFUSE");

  public void completed(DelegateTask task) {
    Object outcome = task.getVariable("decisionOutcome");
    if (!(outcome instanceof String value) || !OUTCOMES.contains(value)) {
      throw new TaskInputException("Chưa chọn quyết định (khen thưởng hoặc không khen thưởng).");
    }
    if ("REFUSE".equals(value)) {
      Object reason = task.getVariable("refusalReason");
      if (!(reason instanceof String text) || text.isBlank()) {
        throw new TaskInputException("Chưa nêu lý do không khen thưởng.");
      }
    }
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String decidedBy = current != null ? current.getUserId() : task.getAssignee();
    if (decidedBy == null) {
      throw new TaskInputException("Không xác định được người quyết định: hãy đăng nhập và nhận việc trước khi quyết định.");
    }
    task.getExecution().setVariable("decidedBy", decidedBy);
  }
}
