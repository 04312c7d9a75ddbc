package vn.gov.sonla.tdkt.bloc;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/** The deputy approved: the ranking is published to the bloc's members. */
@Component("publishBlocRanking")
public class PublishBlocRanking implements JavaDelegate {

  private final BlocRepository blocs;
  private final Notifications notifications;
  private final Clock clock;

  public PublishBlocRanking(BlocRepository blocs, Notifications notifications, Clock clock) {
    this.clock = clock;
    this.blocs = blocs;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = (String) execution.getVariable("blocCode");
    int year = (Integer) execution.getVariable("year");
    blocs.publishRanking(code, year, EngineClock.utc(clock));
    for (String unit : blocs.members(code, year)) {
      notifications.send(Groups.unit(unit), null, "BLOC_RANKING_PUBLISHED", "Kết quả chấm điểm, xếp hạng thi đua năm "
          + year + " của " + execution.getVariable("blocName") + " đã công bố: /blocs/bloc.html?code=" + code
          + "&year=" + year);
    }
  }
}
