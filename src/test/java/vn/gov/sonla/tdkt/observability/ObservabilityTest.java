package vn.gov.sonla.tdkt.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Health and metrics as an operator and a Prometheus server see them (H2, job executor off as in every test, the
 * metrics' cache off so that each scrape shows the data just made): the workload gauges move with tasks, dossiers,
 * jobs and incidents made here; step durations are recorded; {@code /actuator/prometheus} is for the groups
 * {@code monitoring} and {@code camunda-admin} only; {@code /actuator/health} answers everyone, with its
 * components for administrators.
 */
@AppTest
class ObservabilityTest {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired WorkloadMetrics workload;
  private final ObjectMapper json = new ObjectMapper();

  Api api;

  @BeforeEach
  void api() {
    api = new Api(rest);
  }

  // --- scraping ----------------------------------------------------------------------------------------------

  /** One sample of the Prometheus text format: name, labels, value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private List<Sample> scrape(String user, String password) {
    ResponseEntity<String> response = rest.withBasicAuth(user, password).getForEntity("/actuator/prometheus",
        String.class);
    assertThat(response.getStatusCode()).as("scrape as " + user).isEqualTo(HttpStatus.OK);
    return response.getBody().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
      Matcher m = SAMPLE.matcher(l);
      assertThat(m.matches()).as("a sample line: " + l).isTrue();
      Map<String, String> labels = new TreeMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
    }).toList();
  }

  private List<Sample> scrape() {
    return scrape("admin", "demo");
  }

  /** The value of the sample with this name and these labels (and no others); 0 if there is none. */
  private static double value(List<Sample> samples, String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
        .mapToDouble(Sample::value).findFirst().orElse(0);
  }

  private static boolean present(List<Sample> samples, String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.stream().anyMatch(s -> s.name().equals(name) && s.labels().equals(wanted));
  }

  // --- logs an operator can follow -----------------------------------------------------------------------------

  /**
   * A line written while a dossier is submitted, formatted as the structured (ECS) console log of an operator's
   * node, names the request (the id the client sent, echoed in the answer), the dossier and the user.
   */
  @Test
  void aSubmissionLogLineNamesTheRequestTheDossierAndTheUser() throws Exception {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.setContext(logback);
    lines.start();
    Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(lines);
    String requestId = "req-" + UUID.randomUUID();
    ResponseEntity<JsonNode> created;
    try {
      HttpEntity<MultiValueMap<String, Object>> entity = api.multipartEntity(sudden("Lò Văn Log"),
          Api.requiredFiles("SUDDEN"));
      HttpHeaders headers = new HttpHeaders();
      headers.putAll(entity.getHeaders());
      headers.set("X-Request-Id", requestId);
      created = api.as("officer.sgddt").postForEntity("/api/dossiers", new HttpEntity<>(entity.getBody(), headers),
          JsonNode.class);
    } finally {
      root.detachAppender(lines);
    }
    assertThat(created.getStatusCode()).as(created.toString()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
    String code = created.getBody().get("code").asText();

    StructuredLogEncoder ecs = new StructuredLogEncoder();
    ecs.setContext(logback);
    ecs.setFormat("ecs");
    ecs.start();
    List<JsonNode> structured = new java.util.ArrayList<>();
    for (ILoggingEvent event : lines.list) {
      structured.add(json.readTree(new String(ecs.encode(event), java.nio.charset.StandardCharsets.UTF_8)));
    }
    JsonNode submitted = structured.stream()
        .filter(line -> line.path("message").asText().startsWith("Dossier " + code + " "))
        .findFirst().orElseThrow(() -> new AssertionError("no line about " + code + " in " + structured));
    Map<String, String> fields = flatten(submitted);
    assertThat(fields).containsEntry("request.id", requestId)
        .containsEntry("dossier.code", code)
        .containsEntry("user.name", "officer.sgddt")
        .containsKey("service.node.name");
    // the engine's own lines of the same request carry it as well
    assertThat(lines.list).allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("request.id", requestId));
  }

  /** ECS nests dotted keys ({@code {"user":{"name":…}}}) or keeps them flat; either way, dotted paths to values. */
  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
          e.getValue(), flat));
    } else {
      flat.put(prefix, node.asText());
    }
  }

  private Map<String, Object> sudden(String name) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("awardType", "BK_TINH");
    d.put("awardKind", "SUDDEN");
    d.put("year", LocalDate.now(ZONE).getYear());
    d.put("subjectKind", "INDIVIDUAL");
    d.put("subjectRole", "DIRECT_WORKER");
    d.put("subjectName", name + " " + UUID.randomUUID().toString().substring(0, 6));
    d.put("birthDate", "1986-04-20");
    d.put("position", "Chiến sĩ");
    d.put("workUnit", "Đội phòng cháy chữa cháy");
    d.put("achievements", "Cứu người trong vụ cháy chợ.");
    return d;
  }

  private String submitSudden(String officer, String name) {
    ResponseEntity<JsonNode> created = api.createDossier(officer, sudden(name), Api.requiredFiles("SUDDEN"), false);
    assertThat(created.getStatusCode()).as(created.toString()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  // --- workload gauges and step durations ----------------------------------------------------------------------

  @Test
  void theGaugesCountOpenAndOverdueTasksPerGroupDossiersPerStatusAndStepDurations() {
    List<Sample> before = scrape();
    // every status is there from the start, zero included, and the groups of the start-up set-up
    for (String status : List.of("SUBMITTED", "IN_APPRAISAL", "AWAITING_DECISION", "AWARDED", "WITHDRAWN")) {
      assertThat(present(before, "tdkt_dossiers", "status", status)).as("tdkt_dossiers{status=%s}", status).isTrue();
    }
    assertThat(present(before, "tdkt_tasks_open", "group", "home-affairs")).isTrue();
    assertThat(present(before, "tdkt_tasks_overdue", "group", "chairman")).isTrue();

    String first = submitSudden("officer.sgddt", "Lò Văn Một");
    String second = submitSudden("officer.sgddt", "Quàng Thị Hai");
    String third = submitSudden("officer.syt", "Cầm Văn Ba");
    // one appraisal is past its due date
    Task late = tasks.createTaskQuery().processInstanceBusinessKey(second).singleResult();
    late.setDueDate(Date.from(LocalDate.now(ZONE).minusDays(2).atStartOfDay(ZONE).toInstant()));
    tasks.saveTask(late);
    // the first goes to the Chairman
    api.appraiseValid(first);

    List<Sample> after = scrape();
    assertThat(value(after, "tdkt_tasks_open", "group", "home-affairs")
        - value(before, "tdkt_tasks_open", "group", "home-affairs")).as("appraisals waiting").isEqualTo(2);
    assertThat(value(after, "tdkt_tasks_overdue", "group", "home-affairs")
        - value(before, "tdkt_tasks_overdue", "group", "home-affairs")).as("overdue appraisals").isEqualTo(1);
    assertThat(value(after, "tdkt_tasks_open", "group", "chairman")
        - value(before, "tdkt_tasks_open", "group", "chairman")).as("decisions waiting").isEqualTo(1);
    assertThat(value(after, "tdkt_tasks_overdue", "group", "chairman")
        - value(before, "tdkt_tasks_overdue", "group", "chairman")).isZero();
    // claimed tasks still count as open for the group: claim the third one
    Task third3 = tasks.createTaskQuery().processInstanceBusinessKey(third).singleResult();
    tasks.claim(third3.getId(), "appraiser");
    List<Sample> claimed = scrape();
    assertThat(value(claimed, "tdkt_tasks_open", "group", "home-affairs"))
        .isEqualTo(value(after, "tdkt_tasks_open", "group", "home-affairs"));

    // the gauges agree with the engine and the dossier table, counted independently
    assertThat(value(claimed, "tdkt_tasks_open", "group", "home-affairs")).isEqualTo(
        tasks.createTaskQuery().taskCandidateGroup("home-affairs").includeAssignedTasks().count());
    assertThat(value(claimed, "tdkt_dossiers", "status", "SUBMITTED")
        - value(before, "tdkt_dossiers", "status", "SUBMITTED")).as("submitted, not claimed").isEqualTo(1);
    assertThat(value(claimed, "tdkt_dossiers", "status", "IN_APPRAISAL")
        - value(before, "tdkt_dossiers", "status", "IN_APPRAISAL")).as("claimed").isEqualTo(1);
    assertThat(value(claimed, "tdkt_dossiers", "status", "AWAITING_DECISION")
        - value(before, "tdkt_dossiers", "status", "AWAITING_DECISION")).isEqualTo(1);

    // step durations: the appraisal (a user task) once, the procedure decision (a rule task) for each dossier
    String count = "tdkt_step_duration_seconds_count";
    assertThat(value(claimed, count, "process", "commendation-dossier", "activity", "Task_Appraise")
        - value(before, count, "process", "commendation-dossier", "activity", "Task_Appraise")).isEqualTo(1);
    assertThat(value(claimed, count, "process", "commendation-dossier", "activity", "Task_DetermineProcedure")
        - value(before, count, "process", "commendation-dossier", "activity", "Task_DetermineProcedure")).isEqualTo(3);
    assertThat(value(claimed, "tdkt_step_duration_seconds_sum", "process", "commendation-dossier",
        "activity", "Task_Appraise")).isGreaterThan(0);
    // a histogram with buckets up to two months, for Prometheus' histogram_quantile
    assertThat(claimed).anySatisfy(s -> {
      assertThat(s.name()).isEqualTo("tdkt_step_duration_seconds_bucket");
      assertThat(s.labels()).containsEntry("activity", "Task_Appraise").containsEntry("le", "86400.0");
    });
    // gateways and start events are no steps
    assertThat(claimed).noneMatch(s -> s.name().equals(count) && s.labels().getOrDefault("activity", "")
        .startsWith("Gateway"));
  }

  @Test
  void aJobDueIsBacklogAndAJobWhoseRetriesRanOutIsAFailedJobWithAnIncident() {
    BpmnModelInstance failing = Bpmn.createExecutableProcess("observability-failing")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_Fails").camundaAsyncBefore().camundaExpression("${failing.nothingHere()}")
        .endEvent()
        .done();
    repository.createDeployment().addModelInstance("observability-failing.bpmn", failing).deploy();
    List<Sample> before = scrape();

    String instance = runtime.startProcessInstanceByKey("observability-failing").getId();
    List<Sample> due = scrape();
    assertThat(value(due, "tdkt_jobs_due") - value(before, "tdkt_jobs_due")).as("the backlog").isEqualTo(1);

    Job job = management.createJobQuery().processInstanceId(instance).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
    }
    assertThat(management.createJobQuery().processInstanceId(instance).singleResult().getRetries()).isZero();

    List<Sample> failed = scrape();
    assertThat(value(failed, "tdkt_jobs_failed") - value(before, "tdkt_jobs_failed")).isEqualTo(1);
    assertThat(value(failed, "tdkt_jobs_due") - value(before, "tdkt_jobs_due")).as("no longer due").isZero();
    assertThat(value(failed, "tdkt_incidents_open", "type", "failedJob")
        - value(before, "tdkt_incidents_open", "type", "failedJob")).isEqualTo(1);
    assertThat(present(failed, "tdkt_incidents_open", "type", "failedExternalTask")).isTrue();

    // the health of the job executor shows the same counts
    JsonNode health = health("admin", "demo");
    JsonNode details = health.at("/components/jobExecutor/details");
    assertThat(details.get("failedJobs").asLong()).isEqualTo((long) value(failed, "tdkt_jobs_failed"));
    assertThat(details.get("dueJobs").asLong()).isEqualTo((long) value(failed, "tdkt_jobs_due"));
    runtime.deleteProcessInstance(instance, "test over");
  }

  // --- who may read what ---------------------------------------------------------------------------------------

  @Test
  void onlyMonitoringAndAdministratorsReadTheMetrics() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .as("anonymous").isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : List.of("officer.sgddt", "appraiser", "auditor", "chairman")) {
      assertThat(api.as(user).getForEntity("/actuator/prometheus", String.class).getStatusCode())
          .as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // a Prometheus server's account: a user in group monitoring (created at start-up, members added in Admin)
    assertThat(identity.createGroupQuery().groupId("monitoring").count()).isEqualTo(1);
    User prometheus = identity.newUser("prometheus");
    prometheus.setPassword("scrape-secret");
    // a fixture: the password policy is for users created in Admin and the API
    ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(prometheus, true);
    identity.createMembership("prometheus", "monitoring");
    assertThat(scrape("prometheus", "scrape-secret")).isNotEmpty();
    // which reads nothing else
    assertThat(rest.withBasicAuth("prometheus", "scrape-secret")
        .getForEntity("/engine-rest/task", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // other actuator endpoints stay closed
    assertThat(api.as("admin").getForEntity("/actuator/env", String.class).getStatusCode().is2xxSuccessful()).isFalse();
  }

  private JsonNode health(String user, String password) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, password);
    ResponseEntity<String> response = client.getForEntity("/actuator/health", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void healthAnswersEveryoneAndShowsTheDatabaseTheEngineAndTheJobExecutorToAdministrators() {
    JsonNode anonymous = health(null, null);
    assertThat(anonymous.get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("no components for anonymous").isFalse();
    JsonNode officer = health("officer.sgddt", "demo");
    assertThat(officer.has("components")).as("no components for an officer").isFalse();

    JsonNode admin = health("admin", "demo");
    assertThat(admin.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(admin.at("/components/processEngine/status").asText()).isEqualTo("UP");
    JsonNode jobExecutor = admin.at("/components/jobExecutor");
    assertThat(jobExecutor.get("status").asText()).isEqualTo("UP");
    // switched off in the tests (they run jobs themselves): up, and says so
    assertThat(jobExecutor.at("/details/enabled").asBoolean()).isFalse();
    assertThat(jobExecutor.at("/details/active").asBoolean()).isFalse();
    assertThat(jobExecutor.at("/details/dueJobs").isNumber()).isTrue();
    assertThat(jobExecutor.at("/details/failedJobs").isNumber()).isTrue();
  }

  @Test
  void aJobExecutorSwitchedOnButNotRunningIsDown() {
    // the engine's job executor is not running here; with job execution switched on that is a failure
    JobExecutorHealth switchedOn = new JobExecutorHealth(engine, workload, true);
    assertThat(switchedOn.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(switchedOn.health().getDetails()).containsEntry("enabled", true).containsEntry("active", false);
    assertThat(new JobExecutorHealth(engine, workload, false).health().getStatus()).isEqualTo(Status.UP);
  }
}
