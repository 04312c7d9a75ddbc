package vn.gov.sonla.tdkt.council;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * "Gửi nghị quyết đến hồ sơ", one instance (and one asynchronous job) per dossier tallied by {@link TallyVotes}
 * ({@link #codes}: the agenda items PASSED or NOT_PASSED): the message {@code CouncilResolution} to the dossier's
 * commendation-dossier process with its recorded tally. A dossier that failed leaves an incident on its own job only;
 * one no longer waiting for the council (withdrawn after the tally) is not sent anything.
 */
@Component("sendCouncilResolution")
public class SendCouncilResolution implements JavaDelegate {

  public static final String MESSAGE = "CouncilResolution";
  /** The multi-instance element variable: the dossier code of this instance. */
  public static final String CODE = "resolutionCode";

  private static final Logger LOG = LoggerFactory.getLogger(SendCouncilResolution.class);

  private final CouncilRepository sessions;
  private final DossierRepository dossiers;
  private final RuntimeService runtime;

  public SendCouncilResolution(CouncilRepository sessions, DossierRepository dossiers, RuntimeService runtime) {
    this.sessions = sessions;
    this.dossiers = dossiers;
    this.runtime = runtime;
  }

  /** The dossiers of the session that the tally decided (passed or not), in agenda order. */
  public List<String> codes(DelegateExecution execution) {
    return sessions.agenda(execution.getProcessBusinessKey()).stream()
        .filter(item -> "PASSED".equals(item.outcome()) || "NOT_PASSED".equals(item.outcome()))
        .map(CouncilRepository.AgendaItem::dossierCode)
        .toList();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    String code = (String) execution.getVariable(CODE);
    CouncilRepository.AgendaItem item = sessions.agenda(key).stream()
        .filter(i -> i.dossierCode().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Dossier " + code + " is not on the agenda of " + key));
    boolean waiting = dossiers.find(code).filter(d -> d.status() == DossierStatus.AWAITING_COUNCIL).isPresent();
    if (!waiting) {
      LOG.info("Council session {}: dossier {} no longer waits for the council, its resolution is not sent", key, code);
      return;
    }
    int members = ((Number) execution.getVariable("memberCount")).intValue();
    EngineAuthentication.inProcess(() -> runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(code)
        .setVariables(Variables.createVariables()
            .putValue("councilPassed", "PASSED".equals(item.outcome()))
            .putValue("votesFor", item.votesFor())
            .putValue("votesAgainst", item.votesAgainst())
            .putValue("votesAbsent", item.votesAbsent())
            .putValue("votesRequired", item.votesRequired())
            .putValue("councilMembers", members)
            .putValue("councilSession", key))
        .correlate());
  }
}
