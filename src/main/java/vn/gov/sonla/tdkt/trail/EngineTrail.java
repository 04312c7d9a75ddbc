package vn.gov.sonla.tdkt.trail;

import static vn.gov.sonla.tdkt.trail.DossierTrail.details;
import static vn.gov.sonla.tdkt.trail.DossierTrail.vn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.council.SecretBallot;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * The engine's history of one process instance as trail entries, read part by part: steps, tasks and their candidate
 * groups, user operations (claims, assignments, completions with the values submitted), assignments and task ends
 * without an operation, process data and status changes, the decisions evaluated with the inputs their tables saw
 * (the eligibility facts are kept there only, docs/adr/0009), comments, incidents, timers and failed jobs. Each entry
 * carries its technical summary and details, and its plain words for the timeline ({@link TrailWords}).
 *
 * <p>A dossier's own instance is read whole. A decision batch's instance ({@link Scope#batch()}) is read for what the
 * people did in it (the steps, the Chairman's and the clerk's tasks): its process data, comments, incidents and jobs
 * name the other dossiers of the batch and stay out; of the values submitted only those listed by the scope show.
 * Called as the system (the caller has decided that the user may see the dossier).
 */
@Component
class EngineTrail {

  static final String STATUS_VARIABLE = "status";
  private static final int MAX_VALUE_LENGTH = 1000;
  /** Variables never shown: the secret ballot, and anything named as secret. */
  private static final Set<String> SECRET = SecretBallot.SECRET_VARIABLES;
  /** Who objected is shown to the provincial bodies and auditors only, never to the unit; contacts to no one. */
  private static final Set<String> OBJECTOR = Set.of("objectorName", "objectorContact");

  /**
   * What is read of an instance, and for whom: {@code batch} null for the dossier's own instance; for a decision
   * batch, the batch as the dossier's timeline tells it.
   */
  record Scope(HistoricProcessInstance pi, boolean showObjectors, Function<String, String> nameOf, BatchScope batch) {}

  /**
   * A decision batch that held the dossier: its key, the batch in words, the plain result of the Chairman's task for
   * this dossier, the values of its tasks that may be shown, and who signed Home Affairs' proposal (null: none named).
   */
  record BatchScope(String key, String words, String decisionResult, Predicate<String> shownValue,
      String proposalSigner) {}

  private final HistoryService history;
  private final TaskService taskService;
  private final RepositoryService repository;
  private final TrailWords words;
  /** Deployed decision definitions never change: their version and their inputs' names, read once per definition. */
  private final Map<String, DecisionTable> tables = new java.util.concurrent.ConcurrentHashMap<>();

  EngineTrail(HistoryService history, TaskService taskService, RepositoryService repository, TrailWords words) {
    this.history = history;
    this.taskService = taskService;
    this.repository = repository;
    this.words = words;
  }

  /** A deployed decision: version, version tag, and each input clause's expression by clause id. */
  record DecisionTable(Integer version, String versionTag, Map<String, String> inputNames) {}

  private DecisionTable table(String decisionDefinitionId) {
    return tables.computeIfAbsent(decisionDefinitionId, id -> {
      DecisionDefinition definition = repository.getDecisionDefinition(id);
      Map<String, String> names = new HashMap<>();
      for (Input input : repository.getDmnModelInstance(id).getModelElementsByType(Input.class)) {
        if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
          names.put(input.getId(), input.getInputExpression().getText().getTextContent().strip());
        }
      }
      return new DecisionTable(definition.getVersion(), definition.getVersionTag(), Map.copyOf(names));
    });
  }

  /** The entries of the instance; {@code councilMessageAt} receives when the council's resolution reached it. */
  List<TrailEntry> read(Scope scope, Map<String, Date> councilMessageAt) {
    Reading r = new Reading(scope);
    r.activities(councilMessageAt);
    r.tasksCreated();
    r.userOperations();
    r.automaticAssignments();
    r.tasksEndedWithoutOperation();
    if (scope.batch() == null) {
      r.variables();
      r.decisions();
      r.comments();
      r.incidents();
      r.jobs();
    }
    if (scope.batch() == null) {
      return r.entries;
    }
    return r.entries.stream().map(e -> e.withDetail("batchKey", scope.batch().key())).toList();
  }

  /** One instance's history, read once; the parts add their entries. */
  private final class Reading {

    final Scope scope;
    final String piId;
    final BatchScope batch;
    final Function<String, String> nameOf;
    final List<TrailEntry> entries = new ArrayList<>();
    final Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    final List<HistoricIdentityLinkLog> links = new ArrayList<>();
    final Map<String, List<String>> candidates = new HashMap<>();
    /** User operations, grouped by operation id (one entry per property changed). */
    final Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    final List<VariableChange> changes;
    final Set<String> completedByOperation = new HashSet<>();
    final Set<String> assignmentsByOperation = new HashSet<>();

    Reading(Scope scope) {
      this.scope = scope;
      this.piId = scope.pi().getId();
      this.batch = scope.batch();
      this.nameOf = scope.nameOf();
      for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(piId)
          .orderByHistoricActivityInstanceStartTime().asc().list()) {
        tasks.put(t.getId(), t);
      }
      for (String taskId : tasks.keySet()) { // the log is kept per task (its query has no process instance filter)
        links.addAll(history.createHistoricIdentityLinkLogQuery().taskId(taskId).orderByTime().asc().list());
      }
      for (HistoricIdentityLinkLog l : links) {
        if ("candidate".equals(l.getType()) && "add".equals(l.getOperationType())) {
          candidates.computeIfAbsent(l.getTaskId(), k -> new ArrayList<>())
              .add(l.getGroupId() != null ? l.getGroupId() : l.getUserId());
        }
      }
      for (UserOperationLogEntry o : history.createUserOperationLogQuery().processInstanceId(piId)
          .orderByTimestamp().asc().list()) {
        operations.computeIfAbsent(o.getOperationId(), k -> new ArrayList<>()).add(o);
      }
      Map<String, String> userOfOperation = new HashMap<>();
      operations.forEach((id, group) -> userOfOperation.put(id, group.get(0).getUserId()));
      this.changes = variableChanges(userOfOperation);
    }

    /** " (đợt 2 năm 2025, Bằng khen …)" after a batch's task or step; nothing for the dossier's own. */
    String inBatch() {
      return batch == null ? "" : " (" + batch.words() + ")";
    }

    /** The step's name as the model gives it (the history keeps it), else looked up in the model. */
    String stepName(HistoricActivityInstance a) {
      return a.getActivityName() != null && !a.getActivityName().isBlank() ? a.getActivityName()
          : step(a.getActivityId());
    }

    String step(String activityId) {
      return words.step(scope.pi().getProcessDefinitionId(), activityId);
    }

    // ------------------------------------------------------------ steps

    void activities(Map<String, Date> councilMessageAt) {
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(piId)
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
        if (a.getActivityType() != null && a.getActivityType().endsWith("Gateway")) {
          continue;
        }
        String name = a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
        String actor = null; // a user task's assignee is named when it ends, and by the claim itself
        if ("startEvent".equals(a.getActivityType()) && a.getParentActivityInstanceId() != null
            && a.getParentActivityInstanceId().equals(piId)) {
          actor = scope.pi().getStartUserId();
        }
        Map<String, Object> d = details("activityId", a.getActivityId(), "activityType", a.getActivityType(),
            "activityName", name, "activityInstanceId", a.getId());
        boolean escalation = a.getActivityId().contains("Escalat");
        entries.add(new TrailEntry(vn(a.getStartTime()), TrailSource.ENGINE_ACTIVITY,
            escalation ? TrailKind.ESCALATION : TrailKind.STEP_STARTED, actor,
            (escalation ? "Chuyển cấp trên: " : "Bắt đầu bước: ") + name + inBatch(), d)
            .plain((escalation ? "Chuyển cấp trên: " : "Bắt đầu bước: ") + stepName(a) + inBatch(),
                escalation ? "Đã chuyển cấp trên" : "Đã bắt đầu"));
        if (a.getEndTime() != null) {
          Map<String, Object> ended = new LinkedHashMap<>(d);
          if (a.isCanceled()) {
            ended.put("canceled", true);
          }
          entries.add(new TrailEntry(vn(a.getEndTime()), TrailSource.ENGINE_ACTIVITY, TrailKind.STEP_ENDED,
              "userTask".equals(a.getActivityType()) ? a.getAssignee() : actor,
              "Kết thúc bước: " + name + (a.isCanceled() ? " (bị hủy)" : "") + inBatch(), ended)
              .plain("Kết thúc bước: " + stepName(a) + inBatch(),
                  a.isCanceled() ? "Bị hủy" : "Đã kết thúc"));
          if ("Event_AwaitCouncilResolution".equals(a.getActivityId())) {
            councilMessageAt.put("*", a.getEndTime());
          }
          if (batch != null && "Task_ComposeProposal".equals(a.getActivityId()) && !a.isCanceled()) {
            proposal(a, ended);
          }
        }
      }
    }

    /** Home Affairs' proposal (tờ trình) of the batch, submitted to the Chairman. */
    void proposal(HistoricActivityInstance a, Map<String, Object> d) {
      String signer = batch.proposalSigner();
      String homeAffairs = words.body(Groups.HOME_AFFAIRS);
      String said = "Sở Nội vụ trình Chủ tịch UBND tỉnh tờ trình đề nghị khen thưởng " + batch.words()
          + (signer == null ? "" : "; Giám đốc Sở Nội vụ " + nameOf.apply(signer) + " ký tờ trình");
      entries.add(new TrailEntry(vn(a.getEndTime()), TrailSource.ENGINE_ACTIVITY, TrailKind.PROPOSAL_SUBMITTED, signer,
          signer == null ? homeAffairs : null, said, d, null, null)
          .plain(said, "Chờ Chủ tịch UBND tỉnh quyết định"));
    }

    // ------------------------------------------------------------ tasks

    void tasksCreated() {
      for (HistoricTaskInstance t : tasks.values()) {
        List<String> groups = candidates.getOrDefault(t.getId(), List.of());
        String forWhom = groups.isEmpty() ? "" : " cho " + String.join(", ", groups.stream().map(nameOf).toList());
        entries.add(new TrailEntry(vn(t.getStartTime()), TrailSource.ENGINE_TASK, TrailKind.TASK_CREATED, null,
            "Tạo công việc \"" + t.getName() + "\"" + forWhom + inBatch(),
            details("taskId", t.getId(), "taskName", t.getName(), "taskDefinitionKey", t.getTaskDefinitionKey(),
                "candidateGroups", groups, "due", t.getDueDate() == null ? null : vn(t.getDueDate())))
            .plain("Tạo công việc \"" + t.getName() + "\"" + forWhom + inBatch()
                    + (t.getDueDate() == null ? "" : ", hạn " + TrailWords.due(t.getDueDate())),
                "Chờ xử lý"));
      }
    }

    /** Claims, assignments, delegations and completions, by the user who did them. */
    void userOperations() {
      for (List<UserOperationLogEntry> group : operations.values()) {
        UserOperationLogEntry first = group.get(0);
        HistoricTaskInstance task = first.getTaskId() == null ? null : tasks.get(first.getTaskId());
        String taskName = task == null ? null : task.getName();
        Map<String, Object> props = new LinkedHashMap<>();
        boolean variableOperation = first.getOperationType().toLowerCase().contains("variable");
        for (UserOperationLogEntry o : group) {
          if (o.getProperty() != null) {
            props.put(o.getProperty(), variableOperation ? "(không hiển thị)"
                : details("before", o.getOrgValue(), "after", o.getNewValue()));
          }
        }
        String assigneeAfter = nameOf.apply(newValue(group, "assignee"));
        String who = nameOf.apply(first.getUserId());
        TrailKind kind = switch (first.getOperationType()) {
          case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> assigneeAfter == null ? TrailKind.TASK_UNCLAIMED
              : TrailKind.TASK_CLAIMED;
          case UserOperationLogEntry.OPERATION_TYPE_ASSIGN, UserOperationLogEntry.OPERATION_TYPE_SET_OWNER ->
              TrailKind.TASK_ASSIGNED;
          case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> TrailKind.TASK_DELEGATED;
          case UserOperationLogEntry.OPERATION_TYPE_RESOLVE -> TrailKind.TASK_RESOLVED;
          case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> TrailKind.TASK_COMPLETED;
          default -> TrailKind.USER_OPERATION;
        };
        Map<String, Object> d = details("operationType", first.getOperationType(), "entityType",
            first.getEntityType(), "operationId", first.getOperationId(), "taskId", first.getTaskId(), "taskName",
            taskName, "properties", props);
        String quoted = "\"" + taskName + "\"" + inBatch();
        String summary = switch (kind) {
          case TASK_CLAIMED -> who + " nhận công việc " + quoted;
          case TASK_UNCLAIMED -> who + " trả lại công việc " + quoted;
          case TASK_ASSIGNED -> who + " giao công việc " + quoted + " cho " + assigneeAfter;
          case TASK_DELEGATED -> who + " ủy quyền công việc " + quoted + " cho " + assigneeAfter;
          case TASK_RESOLVED -> who + " hoàn tất phần được ủy quyền của " + quoted;
          case TASK_COMPLETED -> who + " hoàn thành công việc " + quoted;
          default -> who + ": " + first.getOperationType() + (taskName == null ? "" : " (\"" + taskName + "\")");
        };
        String plain = switch (kind) {
          case TASK_CLAIMED -> "Nhận công việc " + quoted;
          case TASK_UNCLAIMED -> "Trả lại công việc " + quoted + " để người khác nhận";
          case TASK_ASSIGNED -> "Giao công việc " + quoted + " cho " + assigneeAfter;
          case TASK_DELEGATED -> "Ủy quyền công việc " + quoted + " cho " + assigneeAfter;
          case TASK_RESOLVED -> "Hoàn tất phần được ủy quyền của công việc " + quoted;
          case TASK_COMPLETED -> "Hoàn thành công việc " + quoted;
          default -> "Thao tác trên " + (taskName == null ? "hồ sơ" : "công việc " + quoted);
        };
        String result = switch (kind) {
          case TASK_CLAIMED -> "Đang xử lý";
          case TASK_UNCLAIMED -> "Chờ người nhận";
          case TASK_ASSIGNED, TASK_DELEGATED -> "Đã giao cho " + assigneeAfter;
          case TASK_RESOLVED -> "Đã hoàn tất";
          default -> "Đã thực hiện";
        };
        if (kind == TrailKind.TASK_COMPLETED && task != null) {
          completedByOperation.add(task.getId());
          Map<String, Object> values = formValues(task);
          d.put("values", values);
          summary += formSummary(values);
          Completion c = completion(task, values);
          plain += c.said();
          result = c.result();
        }
        if (kind == TrailKind.TASK_CLAIMED || kind == TrailKind.TASK_ASSIGNED || kind == TrailKind.TASK_DELEGATED) {
          assignmentsByOperation.add(first.getTaskId() + "@" + first.getTimestamp().getTime());
        }
        entries.add(new TrailEntry(vn(first.getTimestamp()), TrailSource.ENGINE_USER_OPERATION, kind,
            first.getUserId(), summary, d).plain(plain, result));
      }
    }

    /** Assignments no user operation recorded (by the process itself, e.g. back to the previous appraiser). */
    void automaticAssignments() {
      for (HistoricIdentityLinkLog l : links) {
        if ("assignee".equals(l.getType()) && "add".equals(l.getOperationType())
            && !assignmentsByOperation.contains(l.getTaskId() + "@" + l.getTime().getTime())) {
          HistoricTaskInstance task = tasks.get(l.getTaskId());
          String taskName = task == null ? l.getTaskId() : task.getName();
          String said = "Công việc \"" + taskName + "\"" + inBatch() + " được giao tự động cho "
              + nameOf.apply(l.getUserId());
          entries.add(new TrailEntry(vn(l.getTime()), TrailSource.ENGINE_TASK, TrailKind.TASK_ASSIGNED, null,
              said + (l.getAssignerId() == null ? "" : " (trong thao tác của " + nameOf.apply(l.getAssignerId()) + ")"),
              details("taskId", l.getTaskId(), "taskName", taskName, "assignee", l.getUserId(), "assigner",
                  l.getAssignerId()))
              .plain(said, "Đã giao cho " + nameOf.apply(l.getUserId())));
        }
      }
    }

    /** Tasks ended without a recorded user operation (system, or not authenticated). */
    void tasksEndedWithoutOperation() {
      for (HistoricTaskInstance t : tasks.values()) {
        if (t.getEndTime() == null || completedByOperation.contains(t.getId())) {
          continue;
        }
        boolean completed = "completed".equals(t.getDeleteReason());
        Map<String, Object> d = details("taskId", t.getId(), "taskName", t.getName(), "taskDefinitionKey",
            t.getTaskDefinitionKey(), "assignee", t.getAssignee(), "reason", t.getDeleteReason());
        String quoted = "\"" + t.getName() + "\"" + inBatch();
        TrailEntry e;
        if (completed) {
          Map<String, Object> values = formValues(t);
          d.put("values", values);
          Completion c = completion(t, values);
          e = new TrailEntry(vn(t.getEndTime()), TrailSource.ENGINE_TASK, TrailKind.TASK_COMPLETED, t.getAssignee(),
              (t.getAssignee() == null ? "" : nameOf.apply(t.getAssignee()) + " ") + "hoàn thành công việc " + quoted
                  + formSummary(values), d)
              .plain("Hoàn thành công việc " + quoted + c.said(), c.result());
        } else {
          e = new TrailEntry(vn(t.getEndTime()), TrailSource.ENGINE_TASK, TrailKind.TASK_CANCELLED, null,
              "Công việc " + quoted + " kết thúc không hoàn thành (" + t.getDeleteReason() + ")", d)
              .plain("Công việc " + quoted + " kết thúc khi quy trình chuyển bước",
                  "Không hoàn thành");
        }
        entries.add(e);
      }
    }

    // ------------------------------------------------------------ data, comments, incidents, jobs

    void variables() {
      for (VariableChange c : changes) {
        if (STATUS_VARIABLE.equals(c.name())) {
          entries.add(new TrailEntry(vn(c.at()), TrailSource.ENGINE_VARIABLE, TrailKind.STATUS_CHANGED, c.actor(),
              "Trạng thái: " + statusLabel(c.before()) + " → " + statusLabel(c.after()),
              details("from", c.before(), "to", c.after(), "activityInstanceId", c.activityInstanceId()))
              .plain("Hồ sơ chuyển từ \"" + TrailWords.status(c.before()) + "\" sang \""
                  + TrailWords.status(c.after()) + "\"", TrailWords.status(c.after())));
        } else {
          entries.add(new TrailEntry(vn(c.at()), TrailSource.ENGINE_VARIABLE,
              c.changed() ? TrailKind.VARIABLE_CHANGED : TrailKind.VARIABLE_SET, c.actor(),
              c.changed() ? c.name() + ": " + c.before() + " → " + c.after() : c.name() + " = " + c.after(),
              details("name", c.name(), "before", c.before(), "after", c.after(), "type", c.type(),
                  "activityInstanceId", c.activityInstanceId()))
              .plain(c.changed() ? "Sửa dữ liệu của quy trình" : "Ghi dữ liệu của quy trình", "Đã ghi"));
        }
      }
    }

    /**
     * The decisions evaluated in the instance (business rule tasks), each with the inputs its table saw, named by
     * their input expressions ({@code cstdcsYears = 3}), and the table's key, version and version tag: the record of
     * what a rule judged. The eligibility facts are kept only here (docs/adr/0009).
     */
    void decisions() {
      for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(piId)
          .includeInputs().disableCustomObjectDeserialization().orderByEvaluationTime().asc().list()) {
        DecisionTable table = table(d.getDecisionDefinitionId());
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (HistoricDecisionInputInstance in : d.getInputs()) {
          String name = table.inputNames().getOrDefault(in.getClauseId(),
              in.getClauseName() != null ? in.getClauseName() : in.getClauseId());
          inputs.put(name, in.getErrorMessage() != null ? "(" + in.getErrorMessage() + ")" : printable(in.getTypedValue()));
        }
        StringBuilder said = new StringBuilder();
        inputs.forEach((k, v) -> said.append(said.isEmpty() ? "" : "; ").append(k).append(" = ").append(v));
        String tag = table.versionTag() == null ? "" : ", " + table.versionTag();
        String name = d.getDecisionDefinitionName() != null ? d.getDecisionDefinitionName() : d.getDecisionDefinitionKey();
        entries.add(new TrailEntry(vn(d.getEvaluationTime()), TrailSource.ENGINE_DECISION,
            TrailKind.DECISION_EVALUATED, null,
            "Xét bảng quyết định " + d.getDecisionDefinitionKey() + " (phiên bản " + table.version() + tag + ") với: "
                + said,
            details("decisionKey", d.getDecisionDefinitionKey(), "decisionName", name, "decisionVersion",
                table.version(), "versionTag", table.versionTag(), "decisionInstanceId", d.getId(), "activityId",
                d.getActivityId(), "activityInstanceId", d.getActivityInstanceId(), "inputs", inputs))
            .plain("Xét bảng quyết định \"" + name + "\"", "Đã xét"));
      }
    }

    /**
     * Comments on the instance, and on its tasks (a task's comment carries no process instance id when it was
     * written through the task's API).
     */
    void comments() {
      Map<String, Comment> comments = new LinkedHashMap<>();
      taskService.getProcessInstanceComments(piId).forEach(c -> comments.put(c.getId(), c));
      for (String taskId : tasks.keySet()) {
        taskService.getTaskComments(taskId).forEach(c -> comments.putIfAbsent(c.getId(), c));
      }
      for (Comment c : comments.values()) {
        HistoricTaskInstance task = c.getTaskId() == null ? null : tasks.get(c.getTaskId());
        String said = "Ý kiến" + (task == null ? "" : " tại \"" + task.getName() + "\"") + ": ";
        entries.add(new TrailEntry(vn(c.getTime()), TrailSource.ENGINE_COMMENT, TrailKind.COMMENT, c.getUserId(),
            said + c.getFullMessage(),
            details("commentId", c.getId(), "taskId", c.getTaskId(), "message", c.getFullMessage()))
            .plain(said + words.text(c.getFullMessage()), "Đã ghi ý kiến"));
      }
    }

    void incidents() {
      for (HistoricIncident i : history.createHistoricIncidentQuery().processInstanceId(piId)
          .orderByCreateTime().asc().list()) {
        Map<String, Object> d = details("incidentId", i.getId(), "type", i.getIncidentType(), "activityId",
            i.getActivityId(), "message", i.getIncidentMessage());
        String where = "Sự cố kỹ thuật tại bước \"" + step(i.getActivityId()) + "\"";
        entries.add(new TrailEntry(vn(i.getCreateTime()), TrailSource.ENGINE_INCIDENT, TrailKind.INCIDENT, null,
            "Sự cố tại " + i.getActivityId() + ": " + i.getIncidentMessage(), d)
            .plain(where + "; quản trị hệ thống được báo để khắc phục", "Chờ khắc phục"));
        if (i.getEndTime() != null) {
          entries.add(new TrailEntry(vn(i.getEndTime()), TrailSource.ENGINE_INCIDENT, TrailKind.INCIDENT_RESOLVED,
              null, "Sự cố tại " + i.getActivityId() + (i.isResolved() ? " đã được khắc phục" : " đã được xóa"), d)
              .plain(where, i.isResolved() ? "Đã khắc phục" : "Đã xóa"));
        }
      }
    }

    /** Timers fired ("Hết thời hạn công khai (hạn 17:00 ngày 28/03/2025)"), jobs failed. */
    void jobs() {
      for (HistoricJobLog j : history.createHistoricJobLogQuery().processInstanceId(piId)
          .orderByTimestamp().asc().list()) {
        boolean timer = j.getJobDefinitionType() != null && j.getJobDefinitionType().startsWith("timer");
        if (j.isSuccessLog() && timer) {
          entries.add(new TrailEntry(vn(j.getTimestamp()), TrailSource.ENGINE_JOB, TrailKind.TIMER_FIRED, null,
              "Hẹn giờ \"" + j.getActivityId() + "\" đã chạy (hạn " + (j.getJobDueDate() == null ? "-"
                  : vn(j.getJobDueDate())) + ")",
              details("jobId", j.getJobId(), "activityId", j.getActivityId(), "jobDefinitionType",
                  j.getJobDefinitionType(), "due", j.getJobDueDate() == null ? null : vn(j.getJobDueDate())))
              .plain(step(j.getActivityId()) + " (hạn " + TrailWords.due(j.getJobDueDate()) + ")",
                  "Đã đến hạn, quy trình chuyển bước"));
        } else if (j.isFailureLog()) {
          entries.add(new TrailEntry(vn(j.getTimestamp()), TrailSource.ENGINE_JOB, TrailKind.JOB_FAILED, null,
              "Tác vụ tại " + j.getActivityId() + " lỗi: " + j.getJobExceptionMessage(),
              details("jobId", j.getJobId(), "activityId", j.getActivityId(), "retries", j.getJobRetries(),
                  "message", j.getJobExceptionMessage()))
              .plain("Tác vụ tự động tại bước \"" + step(j.getActivityId()) + "\" bị lỗi", "Sẽ chạy lại"));
        }
      }
    }

    // ------------------------------------------------------------ values

    List<VariableChange> variableChanges(Map<String, String> userOfOperation) {
      Map<String, Object> last = new HashMap<>();
      List<VariableChange> list = new ArrayList<>();
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(piId).variableUpdates()
          .disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list()) {
        if (!(detail instanceof HistoricVariableUpdate u) || isSecret(u.getVariableName())) {
          continue;
        }
        boolean hidden = OBJECTOR.contains(u.getVariableName())
            && (!scope.showObjectors() || "objectorContact".equals(u.getVariableName()));
        Object value = hidden ? DossierTrail.HIDDEN
            : u.getErrorMessage() != null ? "(" + u.getErrorMessage() + ")" : printable(u.getTypedValue());
        boolean seen = last.containsKey(u.getVariableInstanceId());
        Object before = last.get(u.getVariableInstanceId());
        last.put(u.getVariableInstanceId(), value);
        String actor = u.getUserOperationId() == null ? null : userOfOperation.get(u.getUserOperationId());
        list.add(new VariableChange(u.getTime(), u.getVariableName(), before, value,
            seen && !Objects.equals(before, value), u.getTypeName(), actor, u.getActivityInstanceId(), u.getTaskId()));
      }
      list.sort(Comparator.comparing(VariableChange::at)); // stable: occurrence order within an instant
      return list;
    }

    /**
     * The values submitted with a task's completion: set in its activity, at (or just before) its end. Of a batch's
     * task only the values its scope shows.
     */
    Map<String, Object> formValues(HistoricTaskInstance task) {
      Map<String, Object> values = new LinkedHashMap<>();
      if (task.getEndTime() == null) {
        return values;
      }
      long end = task.getEndTime().getTime();
      for (VariableChange c : changes) {
        boolean ofTask = Objects.equals(c.activityInstanceId(), task.getActivityInstanceId())
            || Objects.equals(c.taskId(), task.getId());
        if (ofTask && !STATUS_VARIABLE.equals(c.name()) && c.at().getTime() <= end
            && c.at().getTime() >= end - 5_000 && (batch == null || batch.shownValue().test(c.name()))) {
          values.put(c.name(), c.changed() ? details("before", c.before(), "after", c.after()) : c.after());
        }
      }
      return values;
    }

    /**
     * A completion in plain words: the values submitted, by the labels of the task's form (fields not on the form
     * are left out), and its result — the chosen option of the form's first choice ("Cần bổ sung hồ sơ"); for the
     * Chairman's task of a batch, what he decided for this dossier; for the clerk's, the number given.
     */
    Completion completion(HistoricTaskInstance task, Map<String, Object> values) {
      Map<String, TrailWords.Field> form = words.form(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      StringBuilder said = new StringBuilder();
      String result = null;
      for (Map.Entry<String, Object> v : values.entrySet()) {
        TrailWords.Field field = form.get(v.getKey());
        Object value = v.getValue() instanceof Map<?, ?> m ? m.get("after") : v.getValue();
        String shown = field == null ? null : words.value(field, value);
        if (shown == null) {
          continue;
        }
        said.append(said.isEmpty() ? ": " : "; ").append(field.label()).append(": ").append(shown);
        if (result == null && field.choice() && field.options().containsKey(String.valueOf(value))) {
          result = shown;
        }
      }
      if (batch != null && "Task_DecideBatch".equals(task.getTaskDefinitionKey())) {
        result = batch.decisionResult();
      } else if (values.get("decisionSeq") != null && values.get("decisionRegister") != null) {
        result = "Đã cấp số " + after(values.get("decisionSeq")) + "/" + after(values.get("decisionRegister"));
      }
      return new Completion(said.toString(), result == null ? "Đã hoàn thành" : result);
    }
  }

  record Completion(String said, String result) {}

  record VariableChange(Date at, String name, Object before, Object after, boolean changed, String type,
      String actor, String activityInstanceId, String taskId) {}

  private static Object after(Object value) {
    return value instanceof Map<?, ?> m ? m.get("after") : value;
  }

  static String formSummary(Map<String, Object> values) {
    if (values.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" với: ");
    values.forEach((k, v) -> {
      if (!"documents".equals(k)) {
        s.append(k).append(" = ").append(v instanceof Map<?, ?> m ? m.get("before") + " → " + m.get("after") : v)
            .append("; ");
      }
    });
    return s.toString().replaceAll("; $", "");
  }

  private static String newValue(List<UserOperationLogEntry> group, String property) {
    return group.stream().filter(o -> property.equals(o.getProperty())).map(UserOperationLogEntry::getNewValue)
        .filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static boolean isSecret(String name) {
    return name == null || SECRET.contains(name) || name.toLowerCase().startsWith("secret");
  }

  static String statusLabel(Object status) {
    if (status == null) {
      return "(chưa có)";
    }
    try {
      return vn.gov.sonla.tdkt.dossier.DossierStatus.valueOf(status.toString()).label() + " (" + status + ")";
    } catch (IllegalArgumentException e) {
      return status.toString();
    }
  }

  private static Object printable(org.camunda.bpm.engine.variable.value.TypedValue typed) {
    if (typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable
        && !serializable.isDeserialized()) {
      return printable(serializable.getValueSerialized());
    }
    return printable(typed == null ? null : typed.getValue());
  }

  private static Object printable(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date d) {
      return vn(d).toString();
    }
    String s = value.toString();
    return s.length() > MAX_VALUE_LENGTH ? s.substring(0, MAX_VALUE_LENGTH) + "…" : s;
  }
}
