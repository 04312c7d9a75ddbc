package vn.gov.sonla.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.engine.EngineClock;

/**
 * plan-task.bpmn on the bare engine: a 2027 plan uploaded on 2026-12-07 (as Sở Nội vụ does, before the year)
 * has no task due and no reminder before 2027-01-01; its recurring items' monthly check-ins begin on the first
 * working day of 2027.
 */
class PlanYearStartTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate NEW_YEAR_2027 = LocalDate.of(2027, 1, 1);
  private static ProcessEngine engine;

  @BeforeAll
  static void engine() throws Exception {
    WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(VN, LocalTime.of(17, 0),
        List.of(NEW_YEAR_2027), List.of()));
    PlanDeadlines deadlines = new PlanDeadlines(calendar, new CalendarProperties(VN, LocalTime.of(17, 0),
        List.of(NEW_YEAR_2027), List.of()), 5, new EngineClock(VN));
    PlanSchedule schedule = new PlanSchedule();
    JavaDelegate noop = execution -> { };
    JavaDelegate prepare = execution -> {
      int year = (Integer) execution.getVariable("planYear");
      PlanItem item = new PlanItem(1, "I", 1, "Nhiệm vụ", (String) execution.getVariable("timing"), "Sở Nội vụ",
          List.of(), null, null);
      execution.setVariable("planDue", deadlines.due(schedule.dueDate(item, year)));
      execution.setVariable("recurring", "Thường xuyên".equals(item.timing()));
      execution.setVariable("planKind", "OTHER");
      execution.setVariable("leadGroups", List.of("home-affairs"));
      execution.setVariable("coordinatingGroups", new ArrayList<String>());
    };
    Map<Object, Object> beans = new HashMap<>();
    beans.put("planDeadlines", deadlines);
    beans.put("preparePlanItem", prepare);
    beans.put("remindPlanTask", noop);
    beans.put("markPlanTaskOverdue", noop);
    beans.put("finishRecurringPlanItem", noop);
    beans.put("startCouncilRound", noop);
    beans.put("startStateRound", noop);
    beans.put("planItemTasks", new Object() {
      @SuppressWarnings("unused")
      public void contributed(Object task) { }

      @SuppressWarnings("unused")
      public void completed(Object task) { }

      @SuppressWarnings("unused")
      public void checkedIn(Object task) { }
    });
    beans.put("planEscalation", new Object() {
      @SuppressWarnings("unused")
      public String head() {
        return "appraiser.lead";
      }
    });
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    cfg.setProcessEngineName("plan-year-start");
    cfg.setJdbcUrl("jdbc:h2:mem:plan-year-start;DB_CLOSE_DELAY=-1");
    cfg.setJobExecutorActivate(false);
    cfg.setMetricsEnabled(false);
    cfg.setBeans(beans);
    engine = cfg.buildProcessEngine();
    try (InputStream in = new FileInputStream("processes/plan-task.bpmn")) {
      engine.getRepositoryService().createDeployment().addInputStream("plan-task.bpmn", in).deploy();
    }
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, VN).toInstant());
  }

  private String start(String timing) {
    return engine.getRuntimeService().startProcessInstanceByKey("plan-task", "2027-" + timing,
        Map.of("planYear", 2027, "timing", timing)).getId();
  }

  @Test
  void aPlanUploadedInDecemberHasNoTaskOrReminderBeforeItsYear() {
    ClockUtil.setCurrentTime(at(2026, 12, 7, 10));
    List<String> instances = List.of(start("Thường xuyên"), start("01/2027"), start("Trong quý I"));
    Date newYear = at(2027, 1, 1, 0);

    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .list();
    assertThat(tasks).isNotEmpty().allSatisfy(t ->
        assertThat(t.getDueDate()).as("due date of %s", t.getName()).isAfterOrEqualTo(newYear));
    List<Job> timers = engine.getManagementService().createJobQuery().timers().list();
    assertThat(timers).isNotEmpty().allSatisfy(j ->
        assertThat(j.getDuedate()).as("timer %s", j.getId()).isAfterOrEqualTo(newYear));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instances.get(0)).count())
        .as("no monthly check-in of a recurring item before the plan year").isZero();
  }

  @Test
  void theRecurringCheckInsBeginOnTheFirstWorkingDayOfThePlanYear() {
    ClockUtil.setCurrentTime(at(2026, 12, 7, 10));
    String recurring = start("Thường xuyên");
    Job yearBegins = engine.getManagementService().createJobQuery().processInstanceId(recurring).timers()
        .singleResult();
    assertThat(yearBegins.getDuedate()).isEqualTo(at(2027, 1, 4, 8)); // 1 January a holiday, 2–3 a weekend

    ClockUtil.setCurrentTime(at(2027, 1, 4, 8));
    engine.getManagementService().executeJob(yearBegins.getId());
    Task checkIn = engine.getTaskService().createTaskQuery().processInstanceId(recurring).singleResult();
    assertThat(checkIn.getTaskDefinitionKey()).isEqualTo("Task_MonthlyCheckIn");
    assertThat(checkIn.getDueDate()).isEqualTo(at(2027, 1, 31, 17));
  }

  @Test
  void aPlanStartedInItsOwnYearChecksInAtOnce() {
    ClockUtil.setCurrentTime(at(2027, 3, 10, 9));
    String recurring = start("Thường xuyên");
    Task checkIn = engine.getTaskService().createTaskQuery().processInstanceId(recurring).singleResult();
    assertThat(checkIn.getTaskDefinitionKey()).isEqualTo("Task_MonthlyCheckIn");
    assertThat(checkIn.getDueDate()).isEqualTo(at(2027, 3, 31, 17));
  }
}
