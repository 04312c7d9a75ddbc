package vn.gov.sonla.tdkt.council;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * "Kiểm tra số thành viên tham gia biểu quyết": the session decides only if at least the quorum
 * (table council-quorum: two thirds of all members) cast a ballot; members who did not vote by the
 * deadline are absent. Sets {@code ballotsCast}, {@code quorumRequired} and {@code quorumReached}.
 */
@Component("checkQuorum")
public class CheckQuorum implements JavaDelegate {

  private final CouncilRepository sessions;
  private final CouncilThreshold threshold;

  public CheckQuorum(CouncilRepository sessions, CouncilThreshold threshold) {
    this.sessions = sessions;
    this.threshold = threshold;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    int ballotRound = ((Number) execution.getVariable("ballotRound")).intValue();
    int members = ((Number) execution.getVariable("memberCount")).intValue();
    boolean meeting = CouncilRepository.MEETING.equals(execution.getVariable("mode"));
    // members who took part: online ballots or those present at the meeting, and written opinions counted for it
    int cast = CouncilCount.of(sessions, key, ballotRound, meeting, members).participants();
    int required = EngineAuthentication.inProcess(() -> threshold.quorum(members));
    boolean reached = members > 0 && cast >= required;
    execution.setVariable("ballotsCast", cast);
    execution.setVariable("quorumRequired", required);
    execution.setVariable("quorumReached", reached);
    sessions.setStatus(key, reached ? "TALLYING" : "NO_QUORUM");
  }
}
