package vn.gov.sonla.tdkt.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import vn.gov.sonla.tdkt.support.AppNode;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * The system under load for {@code ./mvnw -Pload verify}: the packaged application started as a separate JVM on the
 * local PostgreSQL database {@code tdkt_load} (kept between runs; {@code -Dload.fresh=true} starts it empty), with
 * the demo users and {@value #LOAD_UNITS} load units of one officer each (created once through the engine's admin
 * API, then granted by the application's own identity set-up at its next start: 50 units in all), and
 *
 * <ul>
 *   <li>a backlog of open dossiers waiting for appraisal across the 50 units ({@code -Dload.open-dossiers}, default
 *       10,000, submitted through the API as the units would, only what is missing from an earlier run);</li>
 *   <li>for the council members: {@code -Dload.council-sessions} (2) council sessions opened by Home Affairs, each
 *       with an agenda of {@code -Dload.batch-size} (20) dossiers appraised valid, whose ballots the members cast
 *       during the run in Tasklist;</li>
 *   <li>for the Chairman: {@code -Dload.batches} (3) decision batches of {@code load.batch-size} dossiers each, every
 *       dossier appraised valid, voted by all members (the council page's API), its public notice ended by the
 *       administrator (executing the notice timer, as in Cockpit) and the batch opened by Home Affairs.</li>
 * </ul>
 *
 * Everything is made through the HTTP APIs the people and the administrator use (HTTP Basic), none by SQL.
 */
final class LoadEnvironment {

  /** The load database ({@code -Dload.database}, default {@code tdkt_load}; the test suffix appended). */
  static final String DATABASE = System.getProperty("load.database", "tdkt_load");
  /** The anchor's copy of {@link #DATABASE}, taken after the set-up. */
  static final String ANCHOR_DATABASE = DATABASE + "_skeleton";
  /** Whether the set-up copies the database for the skeleton anchor ({@code -Dload.anchor}, default true). */
  static final boolean ANCHOR = !"false".equals(System.getProperty("load.anchor"));
  static final String[] DEMO_OFFICERS = {"officer.sgddt", "officer.syt", "officer.ptohieu", "officer.vpubnd"};
  static final int LOAD_UNITS = 46;
  /** The load units' officers' password (the engine's password policy refuses the demo's). */
  static final String LOAD_PASSWORD = "Tdkt-Load#2026";
  static final String PASSWORD = AppNode.DEMO_PASSWORD;
  static final String[] OFFICERS = officers();
  static final int COUNCIL_MEMBERS = 9;
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A council session open for the members' ballots, and the codes on its agenda. */
  record Ballots(String session, List<String> codes) {}

  private static LoadEnvironment started;

  private final AppNode node;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Ballots> ballots = new ArrayList<>();
  private final List<String> batches = new ArrayList<>();

  private LoadEnvironment(AppNode node) {
    this.node = node;
  }

  private static String[] officers() {
    List<String> all = new ArrayList<>(List.of(DEMO_OFFICERS));
    for (int i = 1; i <= LOAD_UNITS; i++) {
      all.add("officer." + unitCode(i));
    }
    return all.toArray(String[]::new);
  }

  static String unitCode(int i) {
    return "load%02d".formatted(i);
  }

  static String password(String user) {
    return user.startsWith("officer.load") ? LOAD_PASSWORD : PASSWORD;
  }

  /** The model the application runs during a run: the project's own, or the skeleton (issue 20's anchor). */
  enum Target { REAL, SKELETON }

  /**
   * The application started for {@code target}'s run, once per JVM (Gatling forks one per simulation). The first
   * simulation of a Maven build ({@code load.run}, the build's timestamp, finds no fixtures of its build) prepares
   * {@link #DATABASE} as before, then (unless {@code -Dload.anchor=false}) stops the application and copies the
   * database to {@link #ANCHOR_DATABASE} ({@code CREATE DATABASE … TEMPLATE}: same backlog, history, council
   * sessions and batches) and writes the council sessions and batches to {@code load.fixtures}; the other
   * simulation of the build reads them and prepares nothing. The real run uses {@link #DATABASE}, the anchor the
   * copy, with the skeleton deployed as the latest {@code commendation-dossier} and the open dossiers migrated onto
   * it ({@link #deploySkeleton}). Only one application runs at a time.
   */
  static synchronized LoadEnvironment start(Target target) {
    if (started == null) {
      Fixtures fixtures = Fixtures.read();
      LoadEnvironment env = null;
      if (fixtures == null) {
        env = prepare();
        fixtures = new Fixtures(Fixtures.RUN, env.ballots, env.batches);
        if (ANCHOR) {
          env.node.stop();
          copyDatabase(DATABASE, ANCHOR_DATABASE);
          env = null;
        }
        fixtures.write();
      } else {
        System.out.printf("load: %s prepared by this build's other simulation: sessions %s, batches %s%n",
            DATABASE, fixtures.ballots().stream().map(Ballots::session).toList(), fixtures.batches());
      }
      if (env == null) {
        if (target == Target.SKELETON && !ANCHOR) {
          throw new IllegalStateException("load: the skeleton anchor needs its database copy (-Dload.anchor=true)");
        }
        String url = PostgresTestDatabase.kept(target == Target.REAL ? DATABASE : ANCHOR_DATABASE);
        env = new LoadEnvironment(node(target == Target.REAL ? "load" : "anchor", url));
        env.node.startAndAwaitUp(Duration.ofMinutes(5));
        if (target == Target.SKELETON) {
          env.deploySkeleton();
        }
      }
      settle(target == Target.REAL ? DATABASE : ANCHOR_DATABASE);
      env.ballots.clear();
      env.ballots.addAll(fixtures.ballots());
      env.batches.clear();
      env.batches.addAll(fixtures.batches());
      System.out.printf("load: %s run ready on %s; council sessions to vote %s, batches to decide %s%n", target,
          target == Target.REAL ? DATABASE : ANCHOR_DATABASE,
          env.ballots.stream().map(Ballots::session).toList(), env.batches);
      started = env;
    }
    return started;
  }

  private static AppNode node(String name, String url) {
    AppNode node = AppNode.onPostgres(name, "load", url)
        .property("spring.datasource.hikari.maximum-pool-size", System.getProperty("load.pool", "20"))
        .jvmOptions("-Xmx1g", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Ho_Chi_Minh");
    Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "stop-" + name + "-node"));
    return node;
  }

  /** {@link #DATABASE} made ready (what an earlier run left, only the missing parts added), its application up. */
  private static LoadEnvironment prepare() {
    boolean fresh = Boolean.getBoolean("load.fresh");
    String url = fresh ? PostgresTestDatabase.url(DATABASE) : PostgresTestDatabase.kept(DATABASE);
    AppNode node = node("load", url);
    node.startAndAwaitUp(Duration.ofMinutes(5));
    LoadEnvironment env = new LoadEnvironment(node);
    if (env.ensureUnits() > 0) {
      // the identity set-up grants every unit group (Tasklist, its users, its filter) at the application's start
      System.out.println("load: restarting the application so that its identity set-up grants the new units");
      node.stop();
      node.startAndAwaitUp(Duration.ofMinutes(5));
    }
    env.ensureBacklog(Integer.getInteger("load.open-dossiers", 10_000), url);
    env.ensureFinished(Integer.getInteger("load.finished-dossiers", 100_000), url);
    int size = Integer.getInteger("load.batch-size", 20);
    for (int i = 0; i < Integer.getInteger("load.batches", 3); i++) {
      env.batches.add(env.prepareBatch(size));
    }
    for (int i = 0; i < Integer.getInteger("load.council-sessions", 2); i++) {
      List<String> codes = env.appraisedValid(size);
      env.ballots.add(env.openSession(codes));
    }
    return env;
  }

  /**
   * {@code target} dropped and made again as a copy of {@code source} (no connection may be open on it:
   * the application is stopped). {@code FILE_COPY} copies the files at a checkpoint, quicker than the default
   * WAL-logged copy for a database of this size.
   */
  private static void copyDatabase(String source, String target) {
    String from = source + PostgresTestDatabase.SUFFIX;
    String to = target + PostgresTestDatabase.SUFFIX;
    long start = System.nanoTime();
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PostgresTestDatabase.HOST
        + "/postgres", "postgres", ""); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + to + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + to + " TEMPLATE " + from + " STRATEGY FILE_COPY");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("load: cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
    System.out.printf("load: %s copied to %s for the skeleton anchor in %d s%n", from, to,
        Duration.ofNanos(System.nanoTime() - start).toSeconds());
  }

  /**
   * The run's database brought to the same state before either scenario starts: the planner's statistics taken
   * afresh ({@code ANALYZE}, after the set-up's or the anchor's migration's writes) and the dirty pages written
   * ({@code CHECKPOINT}), so that neither run pays for the writes made before it (the first idle anchor of
   * 2026-12-08 ran right after migrating 10,152 instances and was slower than the real model).
   */
  private static void settle(String database) {
    String name = database + PostgresTestDatabase.SUFFIX;
    long start = System.nanoTime();
    try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + PostgresTestDatabase.HOST + "/" + name,
        "postgres", ""); Statement st = db.createStatement()) {
      st.execute("ANALYZE");
      st.execute("CHECKPOINT");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("load: cannot settle " + name + ": " + e.getMessage(), e);
    }
    System.out.printf("load: %s analysed and checkpointed in %d s%n", name,
        Duration.ofNanos(System.nanoTime() - start).toSeconds());
  }

  String baseUrl() {
    return node.baseUrl();
  }

  List<Ballots> ballots() {
    return List.copyOf(ballots);
  }

  List<String> batches() {
    return List.copyOf(batches);
  }

  void stop() {
    node.stop();
  }

  // ---------------------------------------------------------------------------------------------- the anchor

  /** The skeleton's wait states (leaf activities) that the open dossiers of the real model are migrated from. */
  static final List<String> WAIT_STATES = List.of("Task_Appraise", "Task_Supplement", "Event_AwaitCouncilResolution",
      "Timer_NoticePeriod", "Task_VerifyObjection", "Event_AwaitDecisionBatch");
  private static final String SKELETON = "load/commendation-dossier-skeleton.bpmn";

  /**
   * The skeleton deployed by the administrator through the engine's REST API (as a deployment of its own: the
   * application's process auto-deployment, unchanged, leaves it the latest version at a restart), so that every
   * submission starts it; then the open dossiers of earlier versions waiting in one of {@link #WAIT_STATES}
   * migrated onto it (the engine's migration API, plan generated from the equal activity ids, event triggers kept,
   * 100 instances a call, 4 calls at a time), so that the appraisers, the council and the Chairman work on
   * skeleton instances too.
   */
  private void deploySkeleton() {
    byte[] model;
    try (var in = LoadEnvironment.class.getClassLoader().getResourceAsStream(SKELETON)) {
      if (in == null) {
        throw new IllegalStateException("load: " + SKELETON + " is not on the classpath");
      }
      model = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String boundary = "----tdkt-load-" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.BiConsumer<String, String> field = (name, value) -> body.writeBytes(("--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    field.accept("deployment-name", "load-skeleton-anchor");
    field.accept("deployment-source", "DeadlineDaySkeletonSimulation");
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"skeleton\"; filename=\""
        + "commendation-dossier-skeleton.bpmn\"\r\nContent-Type: application/xml\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(model);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    JsonNode deployment;
    try {
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
              + "/engine-rest/deployment/create"))
          .header("Authorization", basic("admin")).header("Accept", "application/json")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("load: deploying the skeleton answered " + answer.statusCode() + ": "
            + answer.body());
      }
      deployment = JSON.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    JsonNode definition = deployment.path("deployedProcessDefinitions").elements().next();
    String skeleton = definition.get("id").asText();
    System.out.printf("load: skeleton deployed as commendation-dossier version %d (%s)%n",
        definition.get("version").asInt(), skeleton);
    String waits = String.join(",", WAIT_STATES);
    long start = System.nanoTime();
    int migrated = 0;
    int refused = 0;
    for (JsonNode source : call("admin", "GET", "/engine-rest/process-definition?key=commendation-dossier",
        null, 200).json()) {
      String sourceId = source.get("id").asText();
      if (sourceId.equals(skeleton)) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      call("admin", "GET", "/engine-rest/process-instance?processDefinitionId=" + enc(sourceId) + "&activityIdIn="
          + waits, null, 200).json().forEach(i -> ids.add(i.get("id").asText()));
      if (ids.isEmpty()) {
        continue;
      }
      JsonNode plan = call("admin", "POST", "/engine-rest/migration/generate", Map.of(
          "sourceProcessDefinitionId", sourceId, "targetProcessDefinitionId", skeleton,
          "updateEventTriggers", false), 200).json();
      List<List<String>> chunks = new ArrayList<>();
      for (int from = 0; from < ids.size(); from += 100) {
        chunks.add(ids.subList(from, Math.min(ids.size(), from + 100)));
      }
      // 4 calls at a time (the parallel helper), each its own transaction on instances of its own
      for (int[] done : parallel(chunks.size(), i -> {
        if (migrate(plan, chunks.get(i))) {
          return new int[] {chunks.get(i).size(), 0};
        }
        // one instance the plan does not fit (waiting elsewhere as well) refuses the whole call: one by one
        int[] counts = new int[2];
        for (String id : chunks.get(i)) {
          counts[migrate(plan, List.of(id)) ? 0 : 1]++;
        }
        return counts;
      })) {
        migrated += done[0];
        refused += done[1];
      }
    }
    System.out.printf("load: %d open dossiers migrated onto the skeleton in %d s, %d left on the real model "
        + "(waiting where the skeleton has no such state)%n", migrated,
        Duration.ofNanos(System.nanoTime() - start).toSeconds(), refused);
  }

  private boolean migrate(JsonNode plan, List<String> instances) {
    Answer answer = call("admin", "POST", "/engine-rest/migration/execute", Map.of("migrationPlan", plan,
        "processInstanceIds", instances, "skipCustomListeners", true, "skipIoMappings", true), -1);
    if (answer.status() != 204 && instances.size() == 1) {
      System.out.printf("load: process instance %s not migrated: %s%n", instances.get(0), answer.text());
    }
    return answer.status() == 204;
  }

  // ---------------------------------------------------------------------------------------------- the 50 units

  /** Creates the load units (groups of type UNIT) and their officers that are missing; how many units were made. */
  private int ensureUnits() {
    Set<String> present = new HashSet<>();
    call("admin", "GET", "/engine-rest/group?type=UNIT&maxResults=1000", null, 200).json()
        .forEach(g -> present.add(g.get("id").asText()));
    int made = 0;
    for (int i = 1; i <= LOAD_UNITS; i++) {
      String unit = unitCode(i);
      if (present.contains("unit-" + unit)) {
        continue;
      }
      String officer = "officer." + unit;
      call("admin", "POST", "/engine-rest/group/create",
          Map.of("id", "unit-" + unit, "name", "UBND xã thử tải số %02d".formatted(i), "type", "UNIT"), 204);
      Answer user = call("admin", "GET", "/engine-rest/user/" + officer + "/profile", null, -1);
      if (user.status() == 404) {
        String[] name = Dossiers.personName(i);
        call("admin", "POST", "/engine-rest/user/create", Map.of(
            "profile", Map.of("id", officer, "firstName", name[0], "lastName", name[1],
                "email", officer + "@thutai.sonla.gov.vn"),
            "credentials", Map.of("password", LOAD_PASSWORD)), 204);
      }
      call("admin", "PUT", "/engine-rest/group/unit-" + unit + "/members/" + officer, null, 204);
      made++;
    }
    System.out.printf("load: %d load units present, %d made%n", LOAD_UNITS - made, made);
    return made;
  }

  // ---------------------------------------------------------------------------------------------- the backlog

  /** Submits open dossiers, across the 50 units, until the database holds {@code wanted} of them in the pipeline. */
  private void ensureBacklog(int wanted, String url) {
    int open = countOpen(url);
    int missing = Math.max(0, wanted - open);
    System.out.printf("load: %d open dossiers in %s, submitting %d more%n", open, DATABASE, missing);
    AtomicInteger done = new AtomicInteger();
    parallel(missing, i -> {
      submit(OFFICERS[i % OFFICERS.length]);
      int n = done.incrementAndGet();
      if (n % 500 == 0) {
        System.out.printf("load: %d of %d submitted%n", n, missing);
      }
      return null;
    });
  }

  /** An officer's submission through the API (HTTP Basic), another generated person on a 409; its code. */
  private String submit(String officer) throws Exception {
    HttpResponse<String> answer;
    int tries = 0;
    do {
      Dossiers.Request request = Dossiers.random(UUID.randomUUID().getLeastSignificantBits(), 300_000);
      HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/dossiers"))
          .header("Authorization", basic(officer))
          .header("Content-Type", "multipart/form-data; boundary=" + request.boundary())
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
          .build();
      answer = client.send(post, HttpResponse.BodyHandlers.ofString());
    } while (answer.statusCode() == 409 && ++tries < 5);
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("seed submission answered " + answer.statusCode() + ": " + answer.body());
    }
    return JSON.readTree(answer.body()).get("code").asText();
  }

  // ---------------------------------------------------------------------------------------------- finished

  /**
   * The finished dossiers of earlier years ({@link FinishedDossiers}), copied from dossiers of this year that a
   * batch decision awarded; on a database without one, a batch of two is driven through first (the Chairman
   * deciding through the engine API). The application is stopped while the rows are copied.
   */
  private void ensureFinished(int wanted, String url) {
    FinishedDossiers finished = new FinishedDossiers(url);
    int have = finished.count();
    System.out.printf("load: %d finished dossiers of earlier years in %s, %d wanted%n", have, DATABASE, wanted);
    if (have >= wanted) {
      return;
    }
    if (finished.templates().isEmpty()) {
      String batch = prepareBatch(2);
      String task = call("chairman", "GET", "/engine-rest/task?taskDefinitionKey=Task_DecideBatch"
          + "&processInstanceBusinessKey=" + enc(batch), null, 200).json().get(0).get("id").asText();
      call("chairman", "POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "chairman"), 204);
      call("chairman", "POST", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
          "draftReviewed", Map.of("value", true), "excludedList", Map.of("value", ""),
          "refusedList", Map.of("value", ""))), 204);
      await("finished template dossiers", () -> finished.templates().isEmpty() ? null : true);
    }
    node.stop();
    finished.fill(finished.templates(), wanted - have, have);
    node.startAndAwaitUp(Duration.ofMinutes(5));
  }

  // ---------------------------------------------------------------------------------------------- council, batch

  /** {@code n} dossiers submitted across the units and appraised VALID by the appraiser: awaiting the council. */
  private List<String> appraisedValid(int n) {
    List<String> codes = parallel(n, i -> {
      String code = submit(OFFICERS[(i * 7) % OFFICERS.length]);
      String task = await("appraisal task of " + code, () -> {
        JsonNode list = call("appraiser", "GET", "/engine-rest/task?taskDefinitionKey=Task_Appraise"
            + "&processInstanceBusinessKey=" + enc(code), null, 200).json();
        return list.isEmpty() ? null : list.get(0).get("id").asText();
      });
      call("appraiser", "POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "appraiser"), 204);
      call("appraiser", "POST", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
          "appraisalOutcome", Map.of("value", "VALID"),
          "appraisalSummary", Map.of("value", "Hồ sơ đầy đủ, đúng quy định."),
          "eligibilityOverrideReason", Map.of("value",
              "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."))), 204);
      awaitStatus(code, "AWAITING_COUNCIL"::equals);
      return code;
    });
    System.out.printf("load: %d dossiers appraised valid%n", codes.size());
    return codes;
  }

  /** Home Affairs opens the year's next council session: its agenda is every dossier awaiting the council. */
  private Ballots openSession(List<String> expected) {
    int year = Year.now(VN).getValue();
    int round = 1;
    for (JsonNode s : call("appraiser", "GET", "/api/council-sessions?year=" + year, null, 200).json()) {
      round = Math.max(round, s.get("round").asInt() + 1);
    }
    JsonNode session = call("appraiser", "POST", "/api/council-sessions", Map.of("year", year, "round", round),
        201).json();
    List<String> agenda = new ArrayList<>();
    session.get("agenda").forEach(item -> agenda.add(item.get("dossierCode").asText()));
    if (!agenda.containsAll(expected)) {
      throw new IllegalStateException("session " + session.get("key") + " lacks dossiers: " + agenda);
    }
    System.out.printf("load: council session %s opened, %d on its agenda%n", session.get("key").asText(),
        agenda.size());
    return new Ballots(session.get("key").asText(), agenda);
  }

  /**
   * A batch ready for the Chairman: dossiers appraised valid, a session whose members all vote in favour (the
   * council page's API), the public notice ended by the administrator (the notice timer executed, as in Cockpit),
   * the batch of the session's round opened by Home Affairs; its key once the Chairman's task is there.
   */
  private String prepareBatch(int size) {
    Ballots session = openSession(appraisedValid(size));
    for (int m = 1; m <= COUNCIL_MEMBERS; m++) {
      call("council" + m, "POST", "/api/council-sessions/" + session.session() + "/ballot",
          Map.of("approvals", session.codes()), 200);
    }
    parallel(session.codes().size(), i -> {
      String code = session.codes().get(i);
      awaitStatus(code, "PUBLIC_NOTICE"::equals);
      JsonNode instance = call("admin", "GET", "/engine-rest/process-instance?processDefinitionKey="
          + "commendation-dossier&businessKey=" + enc(code), null, 200).json().get(0);
      String job = await("notice timer of " + code, () -> {
        JsonNode jobs = call("admin", "GET", "/engine-rest/job?activityId=Timer_NoticePeriod&processInstanceId="
            + instance.get("id").asText(), null, 200).json();
        return jobs.isEmpty() ? null : jobs.get(0).get("id").asText();
      });
      call("admin", "POST", "/engine-rest/job/" + job + "/execute", null, 204);
      awaitStatus(code, s -> !"PUBLIC_NOTICE".equals(s));
      return null;
    });
    String[] key = session.session().split("-R");
    JsonNode batch = call("appraiser", "POST", "/api/decision-batches", Map.of("year", Integer.parseInt(key[0]),
        "round", Integer.parseInt(key[1]), "awardType", "BK_TINH"), 201).json();
    String batchKey = batch.get("key").asText();
    await("the Chairman's task of " + batchKey, () -> {
      JsonNode tasks = call("chairman", "GET", "/engine-rest/task?taskDefinitionKey=Task_DecideBatch"
          + "&processInstanceBusinessKey=" + enc(batchKey), null, 200).json();
      return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    });
    System.out.printf("load: batch %s opened with %d dossiers%n", batchKey, batch.get("dossiers").size());
    return batchKey;
  }

  private void awaitStatus(String code, Predicate<String> wanted) {
    await(code + " status", () -> {
      String status = call("appraiser", "GET", "/api/dossiers/" + code, null, 200).json().get("status").asText();
      return wanted.test(status) ? status : null;
    });
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  record Answer(int status, JsonNode json, String text) {}

  /** A JSON call as {@code user} (HTTP Basic); {@code expected} -1 accepts any status. */
  private Answer call(String user, String method, String path, Object body, int expected) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .timeout(Duration.ofSeconds(120))
          .header("Authorization", basic(user)).header("Accept", "application/json");
      if (body != null) {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (expected != -1 && answer.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " as " + user + " answered " + answer.statusCode()
            + " (expected " + expected + "): " + answer.body());
      }
      String text = answer.body();
      JsonNode json = text == null || text.isBlank() || !text.strip().matches("(?s)[\\[{].*")
          ? JSON.nullNode() : JSON.readTree(text);
      return new Answer(answer.statusCode(), json, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user))
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Polls until {@code probe} gives a value (two minutes at most: the job executor runs the async steps). */
  private static <T> T await(String what, Callable<T> probe) {
    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try {
      while (true) {
        T value = probe.call();
        if (value != null) {
          return value;
        }
        if (System.nanoTime() > end) {
          throw new IllegalStateException("load: waited two minutes for " + what);
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  interface Step<T> {
    T run(int i) throws Exception;
  }

  /** Runs {@code n} steps on 4 threads; their results in order. */
  private static <T> List<T> parallel(int n, Step<T> step) {
    if (n == 0) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(pool.submit(() -> step.run(index)));
    }
    try {
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("load set-up failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static int countOpen(String url) {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select count(*) from dossier where status in ('SUBMITTED','IN_APPRAISAL')")) {
      rs.next();
      return rs.getInt(1);
    } catch (Exception e) {
      throw new IllegalStateException("cannot count open dossiers in " + url, e);
    }
  }
}
