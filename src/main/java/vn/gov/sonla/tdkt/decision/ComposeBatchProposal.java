package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;

/** The proposal of the Department of Home Affairs for the batch (tờ trình, PDF in the state format), stored. */
@Component("composeBatchProposal")
public class ComposeBatchProposal implements JavaDelegate {

  private final DecisionBatchRepository batches;
  private final BatchDecisionComposer composer;
  private final BatchProposalDocument document;
  private final CalendarProperties calendar;

  private final java.time.Clock clock;

  public ComposeBatchProposal(DecisionBatchRepository batches, BatchDecisionComposer composer,
      BatchProposalDocument document, CalendarProperties calendar, java.time.Clock clock) {
    this.clock = clock;
    this.batches = batches;
    this.composer = composer;
    this.document = document;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    DecisionBatchRepository.Batch batch = batches.find(key).orElseThrow();
    LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
    DecisionContent draft = composer.compose(batch, batches.codes(key, DecisionBatchRepository.PROPOSED), null,
        today, null);
    batches.proposal(key, document.render(draft, batch.year(), batch.round(), today));
  }
}
