package vn.gov.sonla.tdkt.plan;

import java.text.SimpleDateFormat;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/** The small service tasks of the plan models, one bean each. */
@Configuration
public class PlanItemDelegates {

  /**
   * Reminds the lead unit's groups that the item is due soon; not when it is already due (a plan opened late in
   * the year fires the reminders of past items at once: those are overdue, and the overdue step tells them).
   */
  @Bean
  JavaDelegate remindPlanTask(Notifications notifications, CalendarProperties calendar, Clock clock) {
    return execution -> {
      Date due = (Date) execution.getVariable("planDue");
      if (EngineClock.reached(clock, due)) {
        return;
      }
      SimpleDateFormat format = new SimpleDateFormat("dd/MM/yyyy");
      format.setTimeZone(TimeZone.getTimeZone(calendar.zone()));
      String message = "Nhiệm vụ kế hoạch " + execution.getProcessBusinessKey() + " sắp đến hạn ("
          + format.format(due) + "): " + execution.getVariable("planContent");
      for (String group : groups(execution)) {
        notifications.send(group, null, "PLAN_REMINDER", message);
      }
    };
  }

  /** Marks the item overdue on the dashboard and tells home-affairs. */
  @Bean
  JavaDelegate markPlanTaskOverdue(PlanStore store, Notifications notifications) {
    return execution -> {
      store.overdue((Integer) execution.getVariable("planYear"), (String) execution.getVariable("planItemKey"));
      notifications.send(Groups.HOME_AFFAIRS, null, "PLAN_OVERDUE", "Nhiệm vụ kế hoạch "
          + execution.getProcessBusinessKey() + " đã quá hạn: " + execution.getVariable("planContent"));
    };
  }

  /** A recurring item has had its last monthly check-in of the year. */
  @Bean
  JavaDelegate finishRecurringPlanItem(PlanStore store) {
    return execution -> store.done((Integer) execution.getVariable("planYear"),
        (String) execution.getVariable("planItemKey"), null, "Đã thực hiện thường xuyên trong năm.");
  }

  @Bean
  JavaDelegate closeAnnualPlan(PlanStore store) {
    return execution -> store.closePlan((Integer) execution.getVariable("planYear"));
  }

  /** The council round item is done: home-affairs confirmed, so the round's council session opens. */
  @Bean
  JavaDelegate startCouncilRound(RuntimeService runtime, HistoryService history) {
    return execution -> startRound(runtime, history, execution, "council-session");
  }

  /** The State submission item is done: the round's submission opens. */
  @Bean
  JavaDelegate startStateRound(RuntimeService runtime, HistoryService history) {
    return execution -> startRound(runtime, history, execution, "state-submission");
  }

  /** Starts the round's process unless it was already opened (by hand or earlier). */
  private static void startRound(RuntimeService runtime, HistoryService history, DelegateExecution execution,
      String processKey) {
    int year = (Integer) execution.getVariable("planYear");
    int round = (Integer) execution.getVariable("planRound");
    String key = year + "-R" + round;
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(key)
        .count() == 0) {
      runtime.startProcessInstanceByKey(processKey, key, Map.of("year", year, "round", round,
          "openedBy", "plan " + execution.getProcessBusinessKey()));
    }
    execution.setVariable("startedRound", key);
  }

  @SuppressWarnings("unchecked")
  private static List<String> groups(DelegateExecution execution) {
    return (List<String>) execution.getVariable("leadGroups");
  }
}
