package vn.gov.sonla.tdkt.bloc;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/** Opens the year's registration: the deadline, the blocs that take part, a notification to every member unit. */
@Component("openBlocRegistration")
public class OpenBlocRegistration implements JavaDelegate {

  private final BlocRepository blocs;
  private final BlocSchedule schedule;
  private final Notifications notifications;

  public OpenBlocRegistration(BlocRepository blocs, BlocSchedule schedule, Notifications notifications) {
    this.blocs = blocs;
    this.schedule = schedule;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = Integer.parseInt(execution.getProcessBusinessKey());
    List<String> blocCodes = new ArrayList<>();
    for (Bloc.Info b : blocs.active(year)) {
      blocCodes.add(b.code());
    }
    var deadline = schedule.registrationDeadline(year);
    execution.setVariable("year", year);
    execution.setVariable("blocCodes", blocCodes);
    execution.setVariable("registrationDeadline", deadline);
    execution.setVariable("yearEndStart", schedule.yearEnd(year));
    String day = new java.text.SimpleDateFormat("dd/MM/yyyy").format(deadline);
    for (String bloc : blocCodes) {
      for (String unit : blocs.members(bloc, year)) {
        notifications.send(Groups.unit(unit), null, "BLOC_REGISTRATION_OPEN", "Đăng ký thi đua năm " + year
            + " của cụm, khối " + bloc + ": đơn vị đăng ký trước hạn " + day + " tại /blocs/register.html.");
      }
    }
  }
}
