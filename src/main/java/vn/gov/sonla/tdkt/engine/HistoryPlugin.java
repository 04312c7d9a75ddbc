package vn.gov.sonla.tdkt.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the engine's history keeps, and what it tells besides; all of the adapter's history handling in one plugin:
 * <ul>
 * <li><b>Retention</b>: every deployed process gets the configured {@code tdkt.history-time-to-live-days} (default
 * 10 years), whatever its model says, so that the retention is one setting. Cockpit can still change one
 * definition's value afterwards.</li>
 * <li><b>Secret history levels</b>: a history level for each {@link Secrets} bean a feature declares (the council's
 * secret ballot, {@code council.SecretBallot}, set as {@code camunda.bpm.history-level} in application.yaml): history
 * level "full", except that the declared variables never reach the engine's history (ACT_HI_VARINST,
 * ACT_HI_DETAIL) and the declared tasks' form submissions leave no form-field event. Everything else is recorded as
 * with "full", and the level keeps the id of "full" (3), so databases and Cockpit see the same level.</li>
 * <li><b>Step durations</b>: timer {@code tdkt_step_duration_seconds{process, activity}}, how long each step of a
 * process took, recorded when the step's activity instance ends (completed, not cancelled), once the engine's
 * transaction has committed. A step is a task (user, service, business rule, script, send, receive), an
 * intermediate catch event (timer, message, signal, conditional), a call activity or a subprocess; gateways and
 * start, end and boundary events take no time of their own. The history event handler is added next to the
 * engine's database handler, so it sees exactly what the history records; the buckets go from a second to two
 * months (a council wait, a State result).</li>
 * <li><b>Ended steps for the features</b>: every {@link StepRecorder} bean a feature declares (the reports'
 * {@code report.StepTimeWriter}) is told of each activity instance that ended (completed, not cancelled) and each
 * process instance that ended, as an {@link EndedStep}, in the engine's transaction just before it commits
 * ({@code TransactionState.COMMITTING}), so that what it writes commits or rolls back with the step. A task's due
 * date and assignee come from the task's own end event (in the same transaction as the step's, naming the step's
 * activity instance).
 * </li>
 * </ul>
 */
@Component
public class HistoryPlugin extends AbstractProcessEnginePlugin {

  static final String METER = "tdkt.step.duration";

  private static final Set<String> STEPS = Set.of(ActivityTypes.TASK, ActivityTypes.TASK_USER_TASK,
      ActivityTypes.TASK_SERVICE, ActivityTypes.TASK_BUSINESS_RULE, ActivityTypes.TASK_SCRIPT, ActivityTypes.TASK_SEND_TASK,
      ActivityTypes.TASK_RECEIVE_TASK, ActivityTypes.TASK_MANUAL_TASK, ActivityTypes.INTERMEDIATE_EVENT_TIMER,
      ActivityTypes.INTERMEDIATE_EVENT_MESSAGE, ActivityTypes.INTERMEDIATE_EVENT_SIGNAL,
      ActivityTypes.INTERMEDIATE_EVENT_CONDITIONAL, ActivityTypes.CALL_ACTIVITY, ActivityTypes.SUB_PROCESS,
      ActivityTypes.SUB_PROCESS_AD_HOC, ActivityTypes.TRANSACTION);

  private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
      Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(3),
      Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(60)};

  private final int retentionDays;
  private final ObjectProvider<Secrets> secrets;
  private final ObjectProvider<MeterRegistry> registry;
  private final ObjectProvider<StepRecorder> recorders;

  public HistoryPlugin(@Value("${tdkt.history-time-to-live-days:3650}") int retentionDays,
      ObjectProvider<Secrets> secrets, ObjectProvider<MeterRegistry> registry, ObjectProvider<StepRecorder> recorders) {
    this.recorders = recorders;
    if (retentionDays <= 0) {
      throw new IllegalArgumentException("tdkt.history-time-to-live-days must be positive");
    }
    this.retentionDays = retentionDays;
    this.secrets = secrets;
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // retention
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setHistoryTimeToLive(retentionDays);
      }
    });
    configuration.setHistoryTimeToLive("P" + retentionDays + "D");
    // secret history levels
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    secrets.orderedStream().forEach(s -> configuration.getCustomHistoryLevels().add(new SecretLevel(s)));
    // step durations
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new StepDurations());
    configuration.getCustomHistoryEventHandlers().add(new EndedSteps());
  }

  /**
   * An activity instance that ended, completed and not cancelled, or (with {@code activityType} "process" and the
   * process key as {@code activityId}) a process instance that ended. {@code taskId}, {@code assignee} and
   * {@code due} for a user task (the task's assignee and due date as its history records them), else null.
   */
  public record EndedStep(String processKey, String processInstanceId, String activityInstanceId, String activityId,
      String activityName, String activityType, String taskId, String assignee, Date due, Date start, Date end,
      long durationMillis) {

    public static final String PROCESS = "process";
  }

  /** A feature's record of ended steps, written in the engine's transaction (see the class comment). */
  public interface StepRecorder {
    void ended(EndedStep step);
  }

  /**
   * A history level "full" without the given variables and without the form fields of the given tasks.
   *
   * @param levelName the level's name ({@code camunda.bpm.history-level})
   * @param variables names of variables whose values never reach the history
   * @param formTasks task definition keys whose form submissions leave no form-field event
   */
  public record Secrets(String levelName, Set<String> variables, Set<String> formTasks) {}

  static final class SecretLevel extends AbstractHistoryLevel {

    private final Secrets secrets;

    SecretLevel(Secrets secrets) {
      this.secrets = secrets;
    }

    @Override
    public int getId() {
      return 3;
    }

    @Override
    public String getName() {
      return secrets.levelName();
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (entity instanceof VariableInstance variable && secrets.variables().contains(variable.getName())) {
        return false;
      }
      if (entity instanceof HistoricVariableUpdateEventEntity update
          && secrets.variables().contains(update.getVariableName())) {
        return false;
      }
      return !(eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE && entity instanceof DelegateTask task
          && secrets.formTasks().contains(task.getTaskDefinitionKey()));
    }
  }

  private void record(String process, String activity, long millis) {
    MeterRegistry meters = registry.getIfAvailable();
    if (meters == null) {
      return;
    }
    Timer.builder(METER)
        .description("Duration of a process step, from the start to the end of its activity instance")
        .tag("process", process)
        .tag("activity", activity)
        .serviceLevelObjectives(BUCKETS)
        .register(meters)
        .record(Duration.ofMillis(millis));
  }

  private final class StepDurations implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricActivityInstanceEventEntity step)
          || !HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(step.getEventType())
          || !STEPS.contains(step.getActivityType())
          || step.getActivityInstanceState() == ActivityInstanceState.CANCELED.getStateCode()) {
        return;
      }
      String process = step.getProcessDefinitionKey() != null ? step.getProcessDefinitionKey()
          : String.valueOf(step.getProcessDefinitionId()).split(":")[0];
      String activity = step.getActivityId();
      CommandContext command = Context.getCommandContext();
      if (command == null) {
        recordDuration(process, activity, step);
      } else {
        // after the commit (a rolled-back step did not happen), and after the engine's database handler, which runs
        // after this one: for a step that started in an earlier transaction (a user task, a wait) it reads the start
        // time from the database into this very event, so only then is the duration known
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
            ctx -> recordDuration(process, activity, step));
      }
    }

    private void recordDuration(String process, String activity, HistoricActivityInstanceEventEntity step) {
      Long millis = step.getDurationInMillis();
      if (millis == null && step.getStartTime() != null && step.getEndTime() != null) {
        millis = step.getEndTime().getTime() - step.getStartTime().getTime();
      }
      if (millis != null) {
        record(process, activity, millis);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  private record TaskFacts(String taskId, String assignee, Date due) {}

  private final class EndedSteps implements HistoryEventHandler {

    /** Tasks ended in transactions not yet committed, by their step's activity instance id (unique). */
    private final java.util.Map<String, TaskFacts> endedTasks = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void handleEvent(HistoryEvent event) {
      if (recorders().isEmpty()) {
        return;
      }
      CommandContext command = Context.getCommandContext();
      if (event instanceof HistoricActivityInstanceEventEntity step
          && HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(step.getEventType())
          && step.getActivityInstanceState() != ActivityInstanceState.CANCELED.getStateCode()) {
        // the start time of a step that started in an earlier transaction is read by the engine's database handler,
        // which runs after this one: the step is passed on when the transaction is about to commit
        later(command, () -> {
          // the task's end, in the same command as the step's: its assignee and due date as the history records them
          // (the step's end event does not carry its task: the task's end names the step's activity instance)
          TaskFacts task = endedTasks.remove(step.getId());
          String taskId = task != null ? task.taskId() : step.getTaskId();
          String taskAssignee = task != null ? task.assignee() : step.getTaskAssignee();
          Date taskDue = task != null ? task.due() : null;
          Long millis = step.getDurationInMillis();
          if (millis == null && step.getStartTime() != null && step.getEndTime() != null) {
            millis = step.getEndTime().getTime() - step.getStartTime().getTime();
          }
          if (millis == null || step.getStartTime() == null || step.getEndTime() == null) {
            return null;
          }
          return new EndedStep(processKey(step.getProcessDefinitionKey(), step.getProcessDefinitionId()),
              step.getProcessInstanceId(), step.getId(), step.getActivityId(), step.getActivityName(),
              step.getActivityType(), taskId, taskAssignee, taskDue, step.getStartTime(), step.getEndTime(),
              millis);
        });
      } else if (event instanceof HistoricTaskInstanceEventEntity task
          && (HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(task.getEventType())
          || HistoryEventTypes.TASK_INSTANCE_DELETE.getEventName().equals(task.getEventType()))) {
        String activityInstance = task.getActivityInstanceId();
        if (activityInstance == null) {
          return;
        }
        // the end event of a task carries the task's assignee and due date (initTaskInstanceEvent)
        endedTasks.put(activityInstance, new TaskFacts(task.getId(), task.getAssignee(), task.getDueDate()));
        if (command != null) {
          // a task whose step was cancelled is never asked for: forgotten with its transaction
          command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
              ctx -> endedTasks.remove(activityInstance));
          command.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK,
              ctx -> endedTasks.remove(activityInstance));
        }
      } else if (event instanceof HistoricProcessInstanceEventEntity process
          && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(process.getEventType())) {
        later(command, () -> {
          if (process.getStartTime() == null || process.getEndTime() == null) {
            return null;
          }
          String key = processKey(process.getProcessDefinitionKey(), process.getProcessDefinitionId());
          return new EndedStep(key, process.getProcessInstanceId(), process.getProcessInstanceId(), key, null,
              EndedStep.PROCESS, null, null, null, process.getStartTime(), process.getEndTime(),
              process.getEndTime().getTime() - process.getStartTime().getTime());
        });
      }
    }

    private void later(CommandContext command, java.util.function.Supplier<EndedStep> step) {
      if (command == null) {
        tell(step.get());
      } else {
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, ctx -> tell(step.get()));
      }
    }

    private void tell(EndedStep step) {
      if (step != null) {
        recorders().forEach(r -> r.ended(step));
      }
    }

    private volatile List<StepRecorder> resolved;

    /** The recorders, looked up once, at the first history event (the engine is built before the features' beans). */
    private List<StepRecorder> recorders() {
      List<StepRecorder> r = resolved;
      if (r == null) {
        r = recorders.orderedStream().toList();
        resolved = r;
      }
      return r;
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  private static String processKey(String key, String definitionId) {
    return key != null ? key : String.valueOf(definitionId).split(":")[0];
  }
}
