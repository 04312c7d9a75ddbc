package vn.gov.sonla.tdkt.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.ProcedureDeadlines;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * A dossier's whole-procedure deadline ({@link ProcedureDeadlines}). The dossier is complete when received
 * (submitted), or, when the appraiser asked for a supplement, when its last supplement was received (the engine's
 * history of the task "Bổ sung hồ sơ"). The procedure ends with the Chairman's decision (its signing time), the
 * State submission or a refusal (the time of that status). While a supplement is awaited no deadline runs.
 */
@Component
public class ProcedureDeadline {

  public static final String SUPPLEMENT_TASK = "Task_Supplement";

  private final ProcedureDeadlines deadlines;
  private final HistoryService history;
  private final EngineAuthentication engine;
  private final DecisionLookup decisions;

  private final Clock clock;

  public ProcedureDeadline(ProcedureDeadlines deadlines, HistoryService history, EngineAuthentication engine,
      DecisionLookup decisions, Clock clock) {
    this.clock = clock;
    this.deadlines = deadlines;
    this.history = history;
    this.engine = engine;
    this.decisions = decisions;
  }

  public ProcedureDeadlines.View of(Dossier d) {
    OffsetDateTime completeAt = d.submittedAt();
    if (completeAt != null && d.processInstanceId() != null) {
      HistoricTaskInstance last = engine.asSystem(() -> history.createHistoricTaskInstanceQuery()
          .processInstanceId(d.processInstanceId()).taskDefinitionKey(SUPPLEMENT_TASK).finished()
          .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1)).stream().findFirst().orElse(null);
      if (last != null && last.getEndTime() != null) {
        completeAt = OffsetDateTime.ofInstant(last.getEndTime().toInstant(), deadlines.zone());
      }
    }
    OffsetDateTime endedAt = d.status() == DossierStatus.AWARDED
        ? decisions.forDossier(d.code()).map(DossierView.DecisionView::signedAt).orElse(d.updatedAt())
        : d.updatedAt();
    return deadlines.compute(phase(d.status()), completeAt, endedAt, OffsetDateTime.now(clock.withZone(deadlines.zone())));
  }

  public static ProcedureDeadlines.Phase phase(DossierStatus status) {
    return switch (status) {
      case DRAFT -> ProcedureDeadlines.Phase.NOT_STARTED;
      case AWAITING_SUPPLEMENT -> ProcedureDeadlines.Phase.PAUSED;
      case WITHDRAWN, RETURNED -> ProcedureDeadlines.Phase.CLOSED;
      case AWARDED, NOT_AWARDED, SUBMITTED_TO_STATE -> ProcedureDeadlines.Phase.ENDED;
      default -> ProcedureDeadlines.Phase.OPEN;
    };
  }
}
