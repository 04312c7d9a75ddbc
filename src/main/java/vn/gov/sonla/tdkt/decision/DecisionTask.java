package vn.gov.sonla.tdkt.decision;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineUser;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

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
    requireChairman(task.getProcessEngineServices().getIdentityService(), "quyết định khen thưởng");
    String decidedBy = EngineUser.actor(task);
    if (decidedBy == null) {
      throw new TaskInputException("Không xác định được người quyết định: hãy đăng nhập và nhận việc trước khi quyết định.");
    }
    task.getExecution().setVariable("decidedBy", decidedBy);
  }

  /**
   * Only the Chairman (group chairman) decides and signs: a user outside it who took the task (an administrator
   * may take any task) is refused. The system (no user) passes: the application's own calls and the tests.
   */
  static void requireChairman(org.camunda.bpm.engine.IdentityService identity, String what) {
    String current = EngineUser.currentUserId(identity);
    if (current != null && !EngineUser.isMember(identity, current, Groups.CHAIRMAN)) {
      throw new TaskInputException("Chỉ Chủ tịch UBND tỉnh (nhóm chairman) được " + what + ".");
    }
  }
}
