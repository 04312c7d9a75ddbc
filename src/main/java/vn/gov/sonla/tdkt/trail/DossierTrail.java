package vn.gov.sonla.tdkt.trail;

import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Service;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.audit.AuditRecord;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.council.SecretBallot;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.DocumentRepository;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.StoredDocument;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.notice.Objection;
import vn.gov.sonla.tdkt.notice.ObjectionRepository;
import vn.gov.sonla.tdkt.notification.Notification;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The audit trail of a dossier: the engine's history of its process instance(s), merged in time
 * order with the project's records (documents, council tallies, objections, decisions,
 * notifications). The engine is read as the system, after {@link DossierService#visible} has
 * decided that the user may see the dossier. Individual council votes are never read: the
 * secret-ballot variables are left out even if they were ever recorded on a dossier's process.
 */
@Service
public class DossierTrail {

  public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int MAX_VALUE_LENGTH = 1000;
  private static final String STATUS_VARIABLE = "status";
  /** Variables never shown: the secret ballot, and anything named as secret. */
  private static final Set<String> SECRET = SecretBallot.SECRET_VARIABLES;
  /** Who objected is shown to the provincial bodies and auditors only, never to the unit; contacts to no one. */
  private static final Set<String> OBJECTOR = Set.of("objectorName", "objectorContact");
  private static final String HIDDEN = "(ẩn)";

  private final DossierService dossiers;
  private final DocumentRepository documents;
  private final DecisionRepository decisions;
  private final CouncilRepository council;
  private final ObjectionRepository objections;
  private final Notifications notifications;
  private final HistoryService history;
  private final TaskService taskService;
  private final EngineAuthentication engineAuthentication;
  private final AuditLog auditLog;
  private final PersonNames personNames;

  public DossierTrail(DossierService dossiers, DocumentRepository documents, DecisionRepository decisions,
      CouncilRepository council, ObjectionRepository objections, Notifications notifications,
      HistoryService history, TaskService taskService, EngineAuthentication engineAuthentication, AuditLog auditLog,
      PersonNames personNames) {
    this.personNames = personNames;
    this.dossiers = dossiers;
    this.documents = documents;
    this.decisions = decisions;
    this.council = council;
    this.objections = objections;
    this.notifications = notifications;
    this.history = history;
    this.taskService = taskService;
    this.engineAuthentication = engineAuthentication;
    this.auditLog = auditLog;
  }

  /** The person's full name (for who produced an export). */
  public String personName(String userId) {
    return personNames.recipient(userId);
  }

  /** The trail of a dossier the user may see (otherwise DossierNotFoundException, i.e. 404). */
  public List<TrailEntry> of(String code, CurrentUser user) {
    Dossier dossier = dossiers.visible(code, user);
    // people are named as they write their names, never by login id (one lookup per person)
    Map<String, String> known = new HashMap<>();
    Function<String, String> name = id -> id == null ? null : known.computeIfAbsent(id, personNames::recipient);
    List<TrailEntry> entries = new ArrayList<>();
    boolean showObjectors = user.readsAllDossiers();
    dossierRow(dossier, entries);
    for (StoredDocument d : documents.list(code)) {
      entries.add(new TrailEntry(vn(d.uploadedAt()), TrailSource.DOCUMENT, TrailKind.DOCUMENT_ADDED, d.uploadedBy(),
          "Thêm tài liệu " + d.fileName() + " (" + d.type().label() + "), SHA-256 " + d.sha256(),
          details("name", d.fileName(), "type", d.type().name(), "contentType", d.contentType(), "sizeBytes",
              d.sizeBytes(), "sha256", d.sha256(), "documentId", d.id())));
    }
    // gathered in causal order for entries of the same instant: a council tally or an objection
    // reaches the process (message) before the engine records what follows from it
    Map<String, Date> councilMessageAt = new HashMap<>();
    List<TrailEntry> fromEngine = new ArrayList<>();
    int engineInstances = engineAuthentication.asSystem(() -> {
      List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(code).processDefinitionKey(DossierService.PROCESS_KEY)
          .orderByProcessInstanceStartTime().asc().list();
      for (HistoricProcessInstance pi : instances) {
        engine(pi, fromEngine, councilMessageAt, showObjectors, name);
      }
      return instances.size();
    });
    if (engineInstances == 0 && dossier.processInstanceId() != null) {
      // the engine's history was cleaned up after its retention time: the project's own audit log keeps the steps
      for (AuditRecord r : auditLog.forDossier(code)) {
        if ("STATUS_CHANGED".equals(r.kind())) {
          entries.add(new TrailEntry(r.recordedAt().atZone(VN).toOffsetDateTime(), TrailSource.AUDIT_LOG,
              TrailKind.STATUS_CHANGED, r.actor(), "Trạng thái (nhật ký kiểm toán số " + r.seq() + "): " + r.detail(),
              details("seq", r.seq(), "detail", r.detail(), "hash", r.hash())));
        }
      }
    }
    for (CouncilRepository.DossierTally t : council.tallies(code)) {
      councilTally(t, councilMessageAt.get("*"), entries);
    }
    for (Objection o : objections.forDossier(code)) {
      objection(o, entries, showObjectors, name);
    }
    entries.addAll(fromEngine);
    decisions.forDossier(code).ifPresent(d -> entries.add(new TrailEntry(vn(d.signedAt()), TrailSource.DECISION,
        TrailKind.DECISION_ISSUED, d.signedBy(), "Ban hành Quyết định số " + d.number() + ", người ký: " + name.apply(d.signedBy()),
        details("number", d.number(), "signedBy", d.signedBy(), "signedAt", vn(d.signedAt()), "pdfSha256",
            d.pdfSha256(), "decisionId", d.id()))));
    for (Notification n : notifications.forDossier(code)) {
      entries.add(new TrailEntry(vn(n.createdAt()), TrailSource.NOTIFICATION, TrailKind.NOTIFICATION_SENT, null,
          "Thông báo tới " + name.apply(n.recipient()) + ": " + n.message(),
          details("recipient", n.recipient(), "kind", n.kind(), "message", n.message())));
    }
    // stable: entries of the same instant keep the order in which they were gathered
    entries.sort(Comparator.comparing((TrailEntry e) -> e.at().toInstant()));
    return entries.stream().map(e -> e.withActorName(name.apply(e.actor()))).toList();
  }

  private void dossierRow(Dossier d, List<TrailEntry> entries) {
    entries.add(new TrailEntry(vn(d.createdAt()), TrailSource.DOSSIER, TrailKind.DOSSIER_CREATED, d.createdBy(),
        "Lập hồ sơ " + d.code() + (d.awardType() == null ? "" : " đề nghị " + d.awardType()) + " cho " + d.subjectName(),
        details("code", d.code(), "unitCode", d.unitCode(), "awardType", d.awardType(), "subjectName",
            d.subjectName())));
    if (d.submittedAt() != null) {
      entries.add(new TrailEntry(vn(d.submittedAt()), TrailSource.DOSSIER, TrailKind.DOSSIER_SUBMITTED, d.createdBy(),
          "Nộp hồ sơ " + d.code(), details("code", d.code(), "processInstanceId", d.processInstanceId())));
    }
  }

  // ---------------------------------------------------------------- engine history

  private void engine(HistoricProcessInstance pi, List<TrailEntry> entries, Map<String, Date> councilMessageAt,
      boolean showObjectors, Function<String, String> nameOf) {
    String piId = pi.getId();
    Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(piId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      tasks.put(t.getId(), t);
    }
    Map<String, List<String>> candidates = new HashMap<>();
    List<HistoricIdentityLinkLog> links = new ArrayList<>();
    for (String taskId : tasks.keySet()) { // the log is kept per task (its query has no process instance filter)
      links.addAll(history.createHistoricIdentityLinkLogQuery().taskId(taskId).orderByTime().asc().list());
    }
    for (HistoricIdentityLinkLog l : links) {
      if ("candidate".equals(l.getType()) && "add".equals(l.getOperationType())) {
        candidates.computeIfAbsent(l.getTaskId(), k -> new ArrayList<>())
            .add(l.getGroupId() != null ? l.getGroupId() : l.getUserId());
      }
    }

    // user operations, grouped by operation id (one entry per property changed)
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    for (UserOperationLogEntry o : history.createUserOperationLogQuery().processInstanceId(piId)
        .orderByTimestamp().asc().list()) {
      operations.computeIfAbsent(o.getOperationId(), k -> new ArrayList<>()).add(o);
    }
    Map<String, String> userOfOperation = new HashMap<>();
    operations.forEach((id, group) -> userOfOperation.put(id, group.get(0).getUserId()));

    // variable updates, with the value before each change
    List<VariableChange> changes = variableChanges(piId, userOfOperation, showObjectors);

    // activities
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(piId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
      if (a.getActivityType() != null && a.getActivityType().endsWith("Gateway")) {
        continue;
      }
      String name = a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
      String actor = null; // a user task's assignee is named when it ends, and by the claim itself
      if ("startEvent".equals(a.getActivityType()) && a.getParentActivityInstanceId() != null
          && a.getParentActivityInstanceId().equals(piId)) {
        actor = pi.getStartUserId();
      }
      Map<String, Object> d = details("activityId", a.getActivityId(), "activityType", a.getActivityType(),
          "activityName", name, "activityInstanceId", a.getId());
      boolean escalation = a.getActivityId().contains("Escalat");
      entries.add(new TrailEntry(vn(a.getStartTime()), TrailSource.ENGINE_ACTIVITY,
          escalation ? TrailKind.ESCALATION : TrailKind.STEP_STARTED, actor,
          (escalation ? "Chuyển cấp trên: " : "Bắt đầu bước: ") + name, d));
      if (a.getEndTime() != null) {
        Map<String, Object> ended = new LinkedHashMap<>(d);
        if (a.isCanceled()) {
          ended.put("canceled", true);
        }
        entries.add(new TrailEntry(vn(a.getEndTime()), TrailSource.ENGINE_ACTIVITY, TrailKind.STEP_ENDED,
            "userTask".equals(a.getActivityType()) ? a.getAssignee() : actor,
            "Kết thúc bước: " + name + (a.isCanceled() ? " (bị hủy)" : ""), ended));
        if ("Event_AwaitCouncilResolution".equals(a.getActivityId())) {
          councilMessageAt.put("*", a.getEndTime());
        }
      }
    }

    // tasks created, with their candidate groups
    for (HistoricTaskInstance t : tasks.values()) {
      List<String> groups = candidates.getOrDefault(t.getId(), List.of());
      entries.add(new TrailEntry(vn(t.getStartTime()), TrailSource.ENGINE_TASK, TrailKind.TASK_CREATED, null,
          "Tạo công việc \"" + t.getName() + "\"" + (groups.isEmpty() ? ""
              : " cho " + String.join(", ", groups.stream().map(nameOf).toList())),
          details("taskId", t.getId(), "taskName", t.getName(), "taskDefinitionKey", t.getTaskDefinitionKey(),
              "candidateGroups", groups, "due", t.getDueDate() == null ? null : vn(t.getDueDate()))));
    }

    // user operations on the tasks and the instance
    Set<String> completedByOperation = new HashSet<>();
    Set<String> assignmentsByOperation = new HashSet<>();
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
      String summary = switch (kind) {
        case TASK_CLAIMED -> who + " nhận công việc \"" + taskName + "\"";
        case TASK_UNCLAIMED -> who + " trả lại công việc \"" + taskName + "\"";
        case TASK_ASSIGNED -> who + " giao công việc \"" + taskName + "\" cho " + assigneeAfter;
        case TASK_DELEGATED -> who + " ủy quyền công việc \"" + taskName + "\" cho " + assigneeAfter;
        case TASK_RESOLVED -> who + " hoàn tất phần được ủy quyền của \"" + taskName + "\"";
        case TASK_COMPLETED -> who + " hoàn thành công việc \"" + taskName + "\"";
        default -> who + ": " + first.getOperationType()
            + (taskName == null ? "" : " (\"" + taskName + "\")");
      };
      if (kind == TrailKind.TASK_COMPLETED && task != null) {
        completedByOperation.add(task.getId());
        Map<String, Object> values = formValues(task, changes);
        d.put("values", values);
        summary += formSummary(values);
      }
      if (kind == TrailKind.TASK_CLAIMED || kind == TrailKind.TASK_ASSIGNED || kind == TrailKind.TASK_DELEGATED) {
        assignmentsByOperation.add(first.getTaskId() + "@" + first.getTimestamp().getTime());
      }
      entries.add(new TrailEntry(vn(first.getTimestamp()), TrailSource.ENGINE_USER_OPERATION, kind,
          first.getUserId(), summary, d));
    }

    // assignments no user operation recorded (by the process itself, e.g. back to the previous appraiser)
    for (HistoricIdentityLinkLog l : links) {
      if ("assignee".equals(l.getType()) && "add".equals(l.getOperationType())
          && !assignmentsByOperation.contains(l.getTaskId() + "@" + l.getTime().getTime())) {
        HistoricTaskInstance task = tasks.get(l.getTaskId());
        String taskName = task == null ? l.getTaskId() : task.getName();
        entries.add(new TrailEntry(vn(l.getTime()), TrailSource.ENGINE_TASK, TrailKind.TASK_ASSIGNED, null,
            "Công việc \"" + taskName + "\" được giao tự động cho " + nameOf.apply(l.getUserId())
                + (l.getAssignerId() == null ? "" : " (trong thao tác của " + nameOf.apply(l.getAssignerId()) + ")"),
            details("taskId", l.getTaskId(), "taskName", taskName, "assignee", l.getUserId(), "assigner",
                l.getAssignerId())));
      }
    }

    // tasks ended without a recorded user operation (system, or not authenticated)
    for (HistoricTaskInstance t : tasks.values()) {
      if (t.getEndTime() == null || completedByOperation.contains(t.getId())) {
        continue;
      }
      boolean completed = "completed".equals(t.getDeleteReason());
      Map<String, Object> d = details("taskId", t.getId(), "taskName", t.getName(), "taskDefinitionKey",
          t.getTaskDefinitionKey(), "assignee", t.getAssignee(), "reason", t.getDeleteReason());
      String summary;
      if (completed) {
        Map<String, Object> values = formValues(t, changes);
        d.put("values", values);
        summary = (t.getAssignee() == null ? "" : t.getAssignee() + " ") + "hoàn thành công việc \"" + t.getName()
            + "\"" + formSummary(values);
      } else {
        summary = "Công việc \"" + t.getName() + "\" kết thúc không hoàn thành (" + t.getDeleteReason() + ")";
      }
      entries.add(new TrailEntry(vn(t.getEndTime()), TrailSource.ENGINE_TASK,
          completed ? TrailKind.TASK_COMPLETED : TrailKind.TASK_CANCELLED, completed ? t.getAssignee() : null,
          summary, d));
    }

    // variables and status changes
    for (VariableChange c : changes) {
      if (STATUS_VARIABLE.equals(c.name())) {
        entries.add(new TrailEntry(vn(c.at()), TrailSource.ENGINE_VARIABLE, TrailKind.STATUS_CHANGED, c.actor(),
            "Trạng thái: " + statusLabel(c.before()) + " → " + statusLabel(c.after()),
            details("from", c.before(), "to", c.after(), "activityInstanceId", c.activityInstanceId())));
      } else {
        entries.add(new TrailEntry(vn(c.at()), TrailSource.ENGINE_VARIABLE,
            c.changed() ? TrailKind.VARIABLE_CHANGED : TrailKind.VARIABLE_SET, c.actor(),
            c.changed() ? c.name() + ": " + c.before() + " → " + c.after() : c.name() + " = " + c.after(),
            details("name", c.name(), "before", c.before(), "after", c.after(), "type", c.type(),
                "activityInstanceId", c.activityInstanceId())));
      }
    }

    // comments: on the instance, and on its tasks (a task's comment carries no process instance id when it was
    // written through the task's API)
    Map<String, Comment> comments = new LinkedHashMap<>();
    taskService.getProcessInstanceComments(piId).forEach(c -> comments.put(c.getId(), c));
    for (String taskId : tasks.keySet()) {
      taskService.getTaskComments(taskId).forEach(c -> comments.putIfAbsent(c.getId(), c));
    }
    for (Comment c : comments.values()) {
      HistoricTaskInstance task = c.getTaskId() == null ? null : tasks.get(c.getTaskId());
      entries.add(new TrailEntry(vn(c.getTime()), TrailSource.ENGINE_COMMENT, TrailKind.COMMENT, c.getUserId(),
          "Ý kiến" + (task == null ? "" : " tại \"" + task.getName() + "\"") + ": " + c.getFullMessage(),
          details("commentId", c.getId(), "taskId", c.getTaskId(), "message", c.getFullMessage())));
    }

    // incidents
    for (HistoricIncident i : history.createHistoricIncidentQuery().processInstanceId(piId)
        .orderByCreateTime().asc().list()) {
      Map<String, Object> d = details("incidentId", i.getId(), "type", i.getIncidentType(), "activityId",
          i.getActivityId(), "message", i.getIncidentMessage());
      entries.add(new TrailEntry(vn(i.getCreateTime()), TrailSource.ENGINE_INCIDENT, TrailKind.INCIDENT, null,
          "Sự cố tại " + i.getActivityId() + ": " + i.getIncidentMessage(), d));
      if (i.getEndTime() != null) {
        entries.add(new TrailEntry(vn(i.getEndTime()), TrailSource.ENGINE_INCIDENT, TrailKind.INCIDENT_RESOLVED, null,
            "Sự cố tại " + i.getActivityId() + (i.isResolved() ? " đã được khắc phục" : " đã được xóa"), d));
      }
    }

    // timers fired, jobs failed
    for (HistoricJobLog j : history.createHistoricJobLogQuery().processInstanceId(piId)
        .orderByTimestamp().asc().list()) {
      boolean timer = j.getJobDefinitionType() != null && j.getJobDefinitionType().startsWith("timer");
      if (j.isSuccessLog() && timer) {
        entries.add(new TrailEntry(vn(j.getTimestamp()), TrailSource.ENGINE_JOB, TrailKind.TIMER_FIRED, null,
            "Hẹn giờ \"" + j.getActivityId() + "\" đã chạy (hạn " + (j.getJobDueDate() == null ? "-"
                : vn(j.getJobDueDate())) + ")",
            details("jobId", j.getJobId(), "activityId", j.getActivityId(), "jobDefinitionType",
                j.getJobDefinitionType(), "due", j.getJobDueDate() == null ? null : vn(j.getJobDueDate()))));
      } else if (j.isFailureLog()) {
        entries.add(new TrailEntry(vn(j.getTimestamp()), TrailSource.ENGINE_JOB, TrailKind.JOB_FAILED, null,
            "Tác vụ tại " + j.getActivityId() + " lỗi: " + j.getJobExceptionMessage(),
            details("jobId", j.getJobId(), "activityId", j.getActivityId(), "retries", j.getJobRetries(),
                "message", j.getJobExceptionMessage())));
      }
    }
  }

  record VariableChange(Date at, String name, Object before, Object after, boolean changed, String type,
      String actor, String activityInstanceId, String taskId) {}

  private List<VariableChange> variableChanges(String piId, Map<String, String> userOfOperation,
      boolean showObjectors) {
    Map<String, Object> last = new HashMap<>();
    List<VariableChange> changes = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(piId).variableUpdates()
        .disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list()) {
      if (!(detail instanceof HistoricVariableUpdate u) || isSecret(u.getVariableName())) {
        continue;
      }
      boolean hidden = OBJECTOR.contains(u.getVariableName())
          && (!showObjectors || "objectorContact".equals(u.getVariableName()));
      Object value = hidden ? HIDDEN : u.getErrorMessage() != null ? "(" + u.getErrorMessage() + ")" : printable(u.getTypedValue());
      boolean seen = last.containsKey(u.getVariableInstanceId());
      Object before = last.get(u.getVariableInstanceId());
      last.put(u.getVariableInstanceId(), value);
      String actor = u.getUserOperationId() == null ? null : userOfOperation.get(u.getUserOperationId());
      changes.add(new VariableChange(u.getTime(), u.getVariableName(), before, value,
          seen && !Objects.equals(before, value), u.getTypeName(), actor, u.getActivityInstanceId(), u.getTaskId()));
    }
    changes.sort(Comparator.comparing(VariableChange::at)); // stable: occurrence order within an instant
    return changes;
  }

  /** The values submitted with a task's completion: set in its activity, at (or just before) its end. */
  private static Map<String, Object> formValues(HistoricTaskInstance task, List<VariableChange> changes) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (task.getEndTime() == null) {
      return values;
    }
    long end = task.getEndTime().getTime();
    for (VariableChange c : changes) {
      boolean ofTask = Objects.equals(c.activityInstanceId(), task.getActivityInstanceId())
          || Objects.equals(c.taskId(), task.getId());
      if (ofTask && !STATUS_VARIABLE.equals(c.name()) && c.at().getTime() <= end && c.at().getTime() >= end - 5_000) {
        values.put(c.name(), c.changed() ? details("before", c.before(), "after", c.after()) : c.after());
      }
    }
    return values;
  }

  private static String formSummary(Map<String, Object> values) {
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

  // ---------------------------------------------------------------- project records

  private void councilTally(CouncilRepository.DossierTally t, Date messageAt, List<TrailEntry> entries) {
    CouncilRepository.AgendaItem i = t.item();
    if (i.outcome() == null) {
      entries.add(new TrailEntry(vn(t.openedAt()), TrailSource.COUNCIL, TrailKind.STEP_STARTED, null,
          "Đưa vào chương trình phiên họp Hội đồng " + i.sessionKey(),
          details("session", i.sessionKey(), "position", i.position())));
      return;
    }
    // the tally reaches the dossier with the CouncilResolution message, in the same transaction
    OffsetDateTime at = messageAt != null ? vn(messageAt) : t.resolvedAt() != null ? vn(t.resolvedAt()) : vn(t.openedAt());
    boolean passed = "PASSED".equals(i.outcome());
    entries.add(new TrailEntry(at, TrailSource.COUNCIL, TrailKind.COUNCIL_TALLY, null,
        "Hội đồng " + i.sessionKey() + ": " + (passed ? "thông qua" : "SKIPPED".equals(i.outcome()) ? "không xét"
            : "không thông qua") + (i.votesFor() == null ? "" : " (tán thành " + i.votesFor() + ", không tán thành "
            + i.votesAgainst() + ", vắng " + i.votesAbsent() + ", cần " + i.votesRequired() + ")"),
        details("session", i.sessionKey(), "outcome", i.outcome(), "passed", passed, "votesFor", i.votesFor(),
            "votesAgainst", i.votesAgainst(), "votesAbsent", i.votesAbsent(), "votesRequired", i.votesRequired())));
  }

  private void objection(Objection o, List<TrailEntry> entries, boolean showObjectors,
      Function<String, String> nameOf) {
    String objector = showObjectors ? o.objectorName() : HIDDEN;
    entries.add(new TrailEntry(vn(o.filedAt()), TrailSource.OBJECTION, TrailKind.OBJECTION_FILED, null,
        "Nhận phản ánh" + (o.reference() == null ? "" : " số " + o.reference()) + " của " + objector + ": "
            + o.content(),
        details("objectionId", o.id(), "reference", o.reference(), "objectorName", objector, "content",
            o.content())));
    if (o.reviewedAt() != null) {
      String outcome = "UPHELD".equals(o.status()) ? "phản ánh đúng" : "phản ánh không có cơ sở";
      entries.add(new TrailEntry(vn(o.reviewedAt()), TrailSource.OBJECTION, TrailKind.OBJECTION_REVIEWED,
          o.reviewedBy(), nameOf.apply(o.reviewedBy()) + " xác minh"
              + (o.reference() == null ? "" : " phản ánh số " + o.reference()) + ": " + outcome + " (" + o.status() + "). " + o.finding(),
          details("objectionId", o.id(), "outcome", o.status(), "finding", o.finding(), "reviewer",
              o.reviewedBy())));
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String statusLabel(Object status) {
    if (status == null) {
      return "(chưa có)";
    }
    try {
      return DossierStatus.valueOf(status.toString()).label() + " (" + status + ")";
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

  static OffsetDateTime vn(Date date) {
    return date.toInstant().atZone(VN).toOffsetDateTime();
  }

  static OffsetDateTime vn(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(VN).toOffsetDateTime();
  }

  /** A map of name/value pairs in order, null values kept. */
  static Map<String, Object> details(Object... nameValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put((String) nameValues[i], nameValues[i + 1]);
    }
    return map;
  }
}
