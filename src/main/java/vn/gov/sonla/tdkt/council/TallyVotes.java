package vn.gov.sonla.tdkt.council;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * "Kiểm phiếu, ghi kết quả từng hồ sơ": for each agenda dossier still waiting for the council (a withdrawn one is
 * skipped), the votes required by council-threshold for its award type, the outcome recorded on the agenda item and
 * in the audit log. Each dossier tallied then receives {@code CouncilResolution} in a job of its own
 * ({@link SendCouncilResolution}), so one failing dossier does not undo the tally.
 */
@Component("tallyVotes")
public class TallyVotes implements JavaDelegate {

  public static final String MESSAGE = SendCouncilResolution.MESSAGE;

  private final CouncilRepository sessions;
  private final CouncilThreshold threshold;
  private final DossierRepository dossiers;
  private final AuditLog audit;

  public TallyVotes(CouncilRepository sessions, CouncilThreshold threshold, DossierRepository dossiers,
      AuditLog audit) {
    this.sessions = sessions;
    this.threshold = threshold;
    this.dossiers = dossiers;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    int ballotRound = ((Number) execution.getVariable("ballotRound")).intValue();
    int members = ((Number) execution.getVariable("memberCount")).intValue();
    CouncilCount count = CouncilCount.of(sessions, key, ballotRound,
        CouncilRepository.MEETING.equals(execution.getVariable("mode")), members);
    int passedCount = 0;
    for (CouncilRepository.AgendaItem item : sessions.agenda(key)) {
      boolean waiting = dossiers.find(item.dossierCode())
          .filter(d -> d.status() == DossierStatus.AWAITING_COUNCIL).isPresent();
      if (!waiting) {
        sessions.recordOutcome(key, item.dossierCode(), "SKIPPED", null, null, null, null);
        continue;
      }
      CouncilCount.Votes votes = count.votes(item.dossierCode(), sessions.inFavour(key, ballotRound,
          item.dossierCode()));
      int votesFor = votes.votesFor();
      int against = votes.votesAgainst();
      int absent = votes.votesAbsent();
      int required = EngineAuthentication.inProcess(() -> threshold.votesRequired(item.awardType(), members));
      boolean passed = votesFor >= required;
      passedCount += passed ? 1 : 0;
      sessions.recordOutcome(key, item.dossierCode(), passed ? "PASSED" : "NOT_PASSED", votesFor, against, absent,
          required);
      // the totals only: individual ballots are secret
      audit.append(item.dossierCode(), AuditLog.COUNCIL_TALLY, AuditLog.detail("session", key, "round", ballotRound,
          "for", votesFor, "against", against, "absent", absent, "required", required, "passed", passed));
    }
    execution.setVariable("dossiersPassed", passedCount);
  }
}
