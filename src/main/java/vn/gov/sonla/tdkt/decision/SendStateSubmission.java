package vn.gov.sonla.tdkt.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.kernel.GaplessCounter;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The Chairman signed the submission: the next gapless number of the year ({@code <n>/TTr-UBND});
 * each dossier still waiting (a withdrawn one has left) receives {@code StateSubmissionSigned}.
 */
@Component("sendStateSubmission")
public class SendStateSubmission implements JavaDelegate {

  private final Clock clock;

  private final GaplessCounter counter;
  private final StateSubmissionRepository submissions;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final CalendarProperties calendar;

  public SendStateSubmission(GaplessCounter counter, StateSubmissionRepository submissions, RuntimeService runtime,
      JdbcClient jdbc, Notifications notifications, CalendarProperties calendar, Clock clock) {
    this.clock = clock;
    this.counter = counter;
    this.submissions = submissions;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a job after the click: its records name the person who decided (docs/pipeline.md)
    vn.gov.sonla.tdkt.engine.EngineAuthentication.actFor(execution.getProcessEngineServices().getIdentityService(),
        (String) execution.getVariable("signedBy"));
    String key = execution.getProcessBusinessKey();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    LocalDate date = now.atZoneSameInstant(calendar.zone()).toLocalDate();
    String number = counter.next("submission/" + date.getYear()) + "/TTr-UBND";
    submissions.signed(key, number, (String) execution.getVariable("signedBy"), now);
    int sent = 0;
    for (String code : submissions.items(key)) {
      boolean waiting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
          .activityIdIn(CollectStateDossiers.WAIT_ACTIVITY).count() > 0;
      if (!waiting) {
        submissions.exclude(key, code);
        continue;
      }
      jdbc.sql("UPDATE dossier SET submission_number = :number, submitted_to_state_at = :at WHERE code = :code")
          .param("number", number).param("at", now).param("code", code).update();
      runtime.createMessageCorrelation("StateSubmissionSigned").processInstanceBusinessKey(code)
          .setVariable("submissionNumber", number)
          .setVariable("submissionDate", date.toString())
          .correlate();
      sent++;
    }
    execution.setVariable("submissionNumber", number);
    execution.setVariable("submissionSent", sent);
    notifications.send("home-affairs", null, "STATE_SUBMISSION_SIGNED",
        "Tờ trình " + number + " (đợt " + key + ") đã được ký, " + sent + " hồ sơ đã trình cấp Nhà nước.");
  }
}
