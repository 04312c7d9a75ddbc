package vn.gov.sonla.tdkt.bloc;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/** At the registration deadline: reminds every member unit that has not registered, and tells home-affairs. */
@Component("remindUnregistered")
public class RemindUnregistered implements JavaDelegate {

  private final BlocService service;
  private final BlocRepository blocs;
  private final Notifications notifications;
  private final Clock clock;

  public RemindUnregistered(BlocService service, BlocRepository blocs, Notifications notifications,
      Clock clock) {
    this.clock = clock;
    this.service = service;
    this.blocs = blocs;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = (Integer) execution.getVariable("year");
    List<String> late = service.unregistered(year);
    for (String unit : late) {
      notifications.send(Groups.unit(unit), null, "BLOC_REGISTRATION_REMINDER", "Đơn vị chưa đăng ký thi đua năm "
          + year + " dù đã hết hạn đăng ký. Đề nghị đăng ký ngay tại /blocs/register.html.");
      blocs.remind(year, unit, EngineClock.utc(clock));
    }
    if (!late.isEmpty()) {
      notifications.send(Groups.HOME_AFFAIRS, null, "BLOC_REGISTRATION_REMINDER", "Hết hạn đăng ký thi đua năm "
          + year + ": " + late.size() + " đơn vị chưa đăng ký (" + String.join(", ", late) + ") đã được nhắc.");
    }
    execution.setVariable("remindedUnits", new java.util.ArrayList<>(late));
  }
}
