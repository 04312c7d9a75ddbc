package vn.gov.sonla.tdkt.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;

/**
 * Opens the year's plan. Started by the yearly timer (no {@code planYear}): only on the first
 * working day of the year, with a deployed plan file for that year, and once. Started after an
 * upload ({@code planYear} set): the uploaded plan, already validated and recorded.
 */
@Component("openAnnualPlan")
public class OpenAnnualPlan implements JavaDelegate {

  private final PlanFiles files;
  private final PlanStore store;
  private final PlanOpening opening;
  private final WorkingDayCalendar calendar;

  private final Clock clock;

  public OpenAnnualPlan(PlanFiles files, PlanStore store, PlanOpening opening, WorkingDayCalendar calendar, Clock clock) {
    this.clock = clock;
    this.files = files;
    this.store = store;
    this.opening = opening;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer uploadedYear = (Integer) execution.getVariable("planYear");
    int year;
    if (uploadedYear != null) {
      year = uploadedYear;
    } else {
      LocalDate today = calendar.localDate(Date.from(clock.instant()));
      year = today.getYear();
      Optional<String> deployed = files.deployed(year);
      if (!isFirstWorkingDayOfYear(today) || deployed.isEmpty() || store.exists(year)) {
        execution.setVariable("planOpened", false);
        return;
      }
      opening.open(deployed.get(), "DEPLOYED");
      execution.setProcessBusinessKey(String.valueOf(year));
      execution.setVariable("planYear", year);
    }
    Plan plan = opening.parse(store.yaml(year).orElseThrow());
    execution.setVariable("planItemKeys", plan.items().stream().map(PlanItem::key).toList());
    execution.setVariable("planOpened", true);
  }

  private boolean isFirstWorkingDayOfYear(LocalDate day) {
    if (!calendar.isWorkingDay(day)) {
      return false;
    }
    for (LocalDate d = LocalDate.of(day.getYear(), 1, 1); d.isBefore(day); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        return false;
      }
    }
    return true;
  }
}
