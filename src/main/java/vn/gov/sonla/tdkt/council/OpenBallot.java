package vn.gov.sonla.tdkt.council;

import static org.camunda.spin.Spin.JSON;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.VietnameseDates;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * "Phát phiếu biểu quyết": the members are the users of group {@code council} now; the deadline is
 * {@code tdkt.council.ballot-working-days} working days away (or the days given when reconvening);
 * a new ballot round starts with an empty ballot box, so earlier ballots of the session do not count. The ballot
 * form prints the deadline from {@code ballotDueLabel} ("17:00 ngày 14/12/2026").
 */
@Component("openBallot")
public class OpenBallot implements JavaDelegate {

  private final Clock clock;

  private final CouncilRepository sessions;
  private final IdentityService identity;
  private final WorkingDayCalendar calendar;
  private final CouncilProperties properties;
  private final CalendarProperties zone;

  public OpenBallot(CouncilRepository sessions, IdentityService identity, WorkingDayCalendar calendar,
      CouncilProperties properties, CalendarProperties zone, Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.identity = identity;
    this.calendar = calendar;
    this.properties = properties;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    List<String> members = EngineAuthentication.inProcess(() -> identity.createUserQuery().memberOfGroup(Groups.COUNCIL)
        .orderByUserId().asc().list().stream().map(User::getId).toList());
    Object days = execution.getVariable("reconveneWorkingDays");
    int workingDays = days instanceof Number n && n.intValue() > 0 ? n.intValue() : properties.ballotWorkingDays();
    Date due = calendar.deadline(EngineClock.date(clock), workingDays);
    Object previous = execution.getVariable("ballotRound");
    int ballotRound = previous instanceof Number n ? n.intValue() + 1 : 1;
    List<String> codes = sessions.agenda(key).stream().map(CouncilRepository.AgendaItem::dossierCode).toList();
    sessions.openBallotRound(key, ballotRound, members.size(), OffsetDateTime.ofInstant(due.toInstant(), ZoneOffset.UTC),
        codes);
    execution.setVariable("members", JSON(members));
    execution.setVariable("memberCount", members.size());
    execution.setVariable("ballotRound", ballotRound);
    execution.setVariable("ballotDue", due);
    // what the ballot form prints: "17:00 ngày 14/12/2026" in the province's time, never the engine's timestamp
    execution.setVariable("ballotDueLabel", VietnameseDates.dateTime(due, zone.zone()));
  }
}
