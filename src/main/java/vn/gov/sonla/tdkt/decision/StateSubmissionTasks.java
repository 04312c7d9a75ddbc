package vn.gov.sonla.tdkt.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineUser;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/** Checks and records the preparation and the signature of a State submission. */
@Component("stateSubmissionTasks")
public class StateSubmissionTasks {

  private final StateSubmissionRepository submissions;

  public StateSubmissionTasks(StateSubmissionRepository submissions) {
    this.submissions = submissions;
  }

  public void prepared(DelegateTask task) {
    Object summary = task.getVariable("submissionSummary");
    if (!(summary instanceof String text) || text.isBlank()) {
      throw new TaskInputException("Chưa nhập nội dung tờ trình.");
    }
    submissions.prepared(task.getExecution().getProcessBusinessKey(), text.strip(), EngineUser.actor(task));
    task.getExecution().removeVariable("submissionOutcome");
  }

  public void signed(DelegateTask task) {
    Object outcome = task.getVariable("submissionOutcome");
    if (!"SIGN".equals(outcome) && !"RETURN".equals(outcome)) {
      throw new TaskInputException("Chưa chọn ký tờ trình hay trả lại để hoàn thiện.");
    }
    if ("RETURN".equals(outcome)) {
      Object reason = task.getVariable("returnReason");
      if (!(reason instanceof String text) || text.isBlank()) {
        throw new TaskInputException("Chưa nêu nội dung cần hoàn thiện.");
      }
    }
    DecisionTask.requireChairman(task.getProcessEngineServices().getIdentityService(), "ký tờ trình");
    String signer = EngineUser.actor(task);
    if (signer == null) {
      throw new TaskInputException("Không xác định được người ký: hãy đăng nhập và nhận việc trước khi ký.");
    }
    task.getExecution().setVariable("signedBy", signer);
  }
}
