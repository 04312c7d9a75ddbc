package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.kernel.GaplessCounter;
import vn.gov.sonla.tdkt.kernel.TaskInputException;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;
import vn.gov.sonla.tdkt.signing.PdfSigning;

/**
 * Issues the batch's one decision in the engine's transaction: its number ({@code <n>/QĐ-UBND} from the system's
 * gapless register, or the clerk's, {@link DecisionNumbering}), the decision with its attached list for the
 * dossiers still proposed and waiting (a withdrawn one is dropped), signed (PAdES), stored with the batch's key.
 * The issue date is the signing date, the day the Chairman approved ({@code decidedOn}). Sets
 * {@code decisionNumber}, {@code decisionDate} and {@code awardedCodes} for {@link AwardBatchDossiers}.
 */
@Component("issueBatchDecision")
public class IssueBatchDecision implements JavaDelegate {

  private final GaplessCounter counter;
  private final DecisionBatchRepository batches;
  private final DecisionRepository decisions;
  private final BatchDecisionComposer composer;
  private final DecisionDocument document;
  private final PdfSigning signing;
  private final BatchOutcomes outcomes;
  private final DecisionProperties properties;
  private final CalendarProperties calendar;

  private final java.time.Clock clock;

  public IssueBatchDecision(GaplessCounter counter, DecisionBatchRepository batches, DecisionRepository decisions,
      BatchDecisionComposer composer, DecisionDocument document, PdfSigning signing, BatchOutcomes outcomes,
      DecisionProperties properties, CalendarProperties calendar, java.time.Clock clock) {
    this.clock = clock;
    this.counter = counter;
    this.batches = batches;
    this.decisions = decisions;
    this.composer = composer;
    this.document = document;
    this.signing = signing;
    this.outcomes = outcomes;
    this.properties = properties;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a job after the click: its records name the person who decided (docs/pipeline.md)
    vn.gov.sonla.tdkt.engine.EngineAuthentication.actFor(execution.getProcessEngineServices().getIdentityService(),
        (String) execution.getVariable("decidedBy"));
    String key = execution.getProcessBusinessKey();
    DecisionBatchRepository.Batch batch = batches.find(key).orElseThrow();
    List<String> included = new ArrayList<>();
    for (String code : batches.codes(key, DecisionBatchRepository.PROPOSED)) {
      if (outcomes.waiting(code)) {
        included.add(code);
      } else {
        batches.setState(key, code, DecisionBatchRepository.DROPPED, "Hồ sơ không còn chờ quyết định (đã rút).");
      }
    }
    if (included.isEmpty()) {
      throw new IllegalStateException("No dossier of batch " + key + " waits for its decision any more");
    }
    String signedBy = (String) execution.getVariable("decidedBy");
    OffsetDateTime issuedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    Object decidedOn = execution.getVariable("decidedOn");
    LocalDate date = decidedOn instanceof String day ? LocalDate.parse(day)
        : issuedAt.atZoneSameInstant(calendar.zone()).toLocalDate();

    Object clerkSeq = execution.getVariable(DecisionNumbering.SEQ);
    String numberedBy = clerkSeq == null ? null : (String) execution.getVariable(DecisionNumbering.NUMBERED_BY);
    String register = clerkSeq == null ? properties.symbol()
        : DecisionNumbering.register(execution.getVariable(DecisionNumbering.REGISTER), properties.symbol());
    int seq = clerkSeq == null ? nextInternal(date.getYear(), register) : DecisionNumbering.seq(clerkSeq);
    String number = seq + "/" + register;

    DecisionContent content = composer.compose(batch, included, number, date, signedBy);
    byte[] pdf = signing.sign(document.render(content), "Ban hành Quyết định số " + number, properties.place(),
        calendar(issuedAt));
    try {
      decisions.insert(new Decision(UUID.randomUUID().toString(), date.getYear(), seq, register, number, null,
          signedBy, issuedAt, DossierService.sha256(pdf), numberedBy), pdf, key);
    } catch (DuplicateKeyException e) {
      throw new TaskInputException(DecisionNumbering.taken(seq, register, date.getYear()));
    }
    batches.issued(key, number);
    execution.setVariable("decisionNumber", number);
    execution.setVariable("decisionDate", java.sql.Date.valueOf(date));
    execution.setVariable("awardedCodes", String.join(",", included));
  }

  /** The next number of the system's register, skipping any the clerk entered by hand in the same register. */
  private int nextInternal(int year, String register) {
    int seq;
    do {
      seq = counter.next("decision/" + year);
    } while (decisions.exists(year, register, seq));
    return seq;
  }

  private static Calendar calendar(OffsetDateTime time) {
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(time.toInstant().toEpochMilli());
    return c;
  }
}
