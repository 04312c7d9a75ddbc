package vn.gov.sonla.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.support.AppNode;
import vn.gov.sonla.tdkt.support.BenchReport;
import vn.gov.sonla.tdkt.support.BrowserSession;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * Start-up, heap and Tasklist latency ({@code ./mvnw -Pbench verify}, or {@code -Dit.test=TasklistLatencyBenchmark}
 * alone), on the packaged application started as a separate JVM ({@link AppNode}), launched as the Docker image
 * launches it (the jar extracted, the class data sharing archive of a training run: {@code ImageLaunch}), on a
 * fresh local PostgreSQL database, with the JVM's own compiler and collector choice and the heap capped at {@code -Xmx512m}:
 *
 * <ol>
 *   <li>first start on the empty database (engine schema and Flyway migrations created): time from launching the
 *       JVM to {@code /actuator/health} and its readiness group UP, and the heap used after a full GC
 *       ({@code jcmd GC.run}, {@code GC.heap_info});
 *   <li>with the node stopped, {@code -Dtdkt.bench.tasklist.tasks=} (100,000) open user tasks across 50 unit groups
 *       (the 4 demo units and 46 more): instances of {@code bench/tasklist-load.bpmn} started through the engine
 *       API by a second engine on the same database, in transactions of 250 on 2 threads, so that the engine
 *       writes what it writes for a unit's task (task, candidate-group link, the group's authorization on the task,
 *       process variables, history); then {@code ANALYZE};
 *   <li>restart on the loaded database: time to ready and heap after a GC;
 *   <li>as {@code officer.sgddt} (a unit of 50 with 2,000 tasks), logged in as a person is (the login form, then
 *       Tasklist: one browser session, the webapp's engine API under {@code /camunda/api/engine} with the session
 *       cookie and {@code X-XSRF-TOKEN}), the requests Tasklist sends for the unit filter ("Việc của đơn vị",
 *       candidate groups of the current user, assigned tasks included, as {@code IdentitySetup} creates it):
 *       {@code POST /filter/{id}/list?firstResult=0&maxResults=15} sorted by creation date, newest first, as
 *       {@code application/hal+json} (with the filter's variables and the count), and
 *       {@code POST /filter/{id}/count}; and the list of a filter naming the group itself; 20 of each to warm up,
 *       then {@code -Dtdkt.bench.tasklist.samples=} (200), one at a time; the heap is sampled (no GC) every 50
 *       requests, outside the timed calls, and once more after a GC at the end;
 *   <li>the same list and count as an API client sends them: {@code /engine-rest} with HTTP Basic, whose password
 *       is checked on every request;
 *   <li>the unit view on the task read model (issue 20): {@code GET /api/unit-tasks?size=15} in the same session,
 *       its first page and its last (deepest) page. The loader's engine has no Spring listener, so the read model
 *       of the loaded tasks is what the Flyway backfill writes ({@code UnitTaskBackfill}, run on the loaded
 *       database before the restart, timed).
 * </ol>
 */
class TasklistLatencyBenchmark {

  static final int TASKS = Integer.getInteger("tdkt.bench.tasklist.tasks", 100_000);
  static final int GROUPS = 50;
  static final int SAMPLES = Integer.getInteger("tdkt.bench.tasklist.samples", 200);
  static final int BATCH = 250;
  /** The loaders stop starting batches after this long (0: never), e.g. on a machine shared with others' builds. */
  static final long MAX_LOAD_SECONDS = Long.getLong("tdkt.bench.tasklist.max-load-seconds", 0);
  static final int LOADERS = 2;
  static final String UNIT_FILTER = "Việc của đơn vị";
  static final List<String> DEMO_UNITS = List.of("sgddt", "syt", "ptohieu", "vpubnd");
  static final String[] JVM = {"-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
      "-Duser.timezone=Asia/Ho_Chi_Minh"};

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  record Percentiles(double p50, double p95, double max) {}

  @Test
  void startupHeapAndTasklistLatency() throws Exception {
    double load = loadAverage();
    String url = PostgresTestDatabase.url("tdkt_bench_tasklist");
    try (AppNode node = AppNode.onPostgres("tasklist", "TasklistLatencyBenchmark", url).jvmOptions(JVM)
        // as production starts it: docker/Dockerfile's extracted jar and class data sharing archive
        .launchedAsInTheImage()) {
      // 1. first start: empty database
      double firstStart = timeToReady(node);
      double firstStarted = springStartedIn(node);
      double heapFirst = heapUsedMb(node.pid(), true);
      node.stop();

      // 2. the open tasks
      long loadStart = System.nanoTime();
      Loaded loaded = load(url);
      List<String> groups = loaded.groups();
      int tasks = loaded.tasks();
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      System.out.printf(Locale.ROOT, "[tasklist-benchmark] %,d tasks loaded in %.1f s%n", tasks, loadSeconds);
      // the unit view's read model of the loaded tasks: the backfill of V17_21 (the loader's engine has no listener)
      long backfillStart = System.nanoTime();
      int unitTaskRows;
      try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
        unitTaskRows = vn.gov.sonla.tdkt.unittask.UnitTaskBackfill.run(c);
      }
      double backfillSeconds = (System.nanoTime() - backfillStart) / 1e9;
      System.out.printf(Locale.ROOT, "[tasklist-benchmark] %,d unit_task rows backfilled in %.1f s%n", unitTaskRows,
          backfillSeconds);
      long authorizations;
      String size;
      try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
        st.execute("ANALYZE");
        var rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM act_ru_authorization WHERE resource_type_ = 7),"
            + " pg_size_pretty(pg_database_size(current_database()))");
        rs.next();
        authorizations = rs.getLong(1);
        size = rs.getString(2);
      }

      // 3. restart on the loaded database
      double restart = timeToReady(node);
      double restartStarted = springStartedIn(node);
      double heapRestart = heapUsedMb(node.pid(), true);

      // 4. Tasklist's requests
      String unitFilter = filterId(node, UNIT_FILTER);
      String groupFilter = createGroupFilter(node, "unit-sgddt");
      String listPath = "/filter/%s/list?firstResult=0&maxResults=15";
      String listBody = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
      long expected = tasks / GROUPS + (tasks % GROUPS > 0 ? 1 : 0);
      JsonNode count = post(node, "officer.sgddt", "/filter/" + unitFilter + "/count", "{}", "application/json");
      assertThat(count.get("count").asLong()).as("open tasks of unit-sgddt").isBetween(tasks / GROUPS - 1L, expected);
      JsonNode page = post(node, "officer.sgddt", listPath.formatted(unitFilter), listBody, "application/hal+json");
      assertThat(page.path("_embedded").path("task").size()).as("one page of tasks").isEqualTo(15);
      // the filter's variables come embedded only where the user may read the instance's variables
      int embeddedVariables = page.path("_embedded").path("task").get(0).path("_embedded").path("variable").size();
      System.out.println("[tasklist-benchmark] first page, first task: " + page.path("_embedded").path("task").get(0));

      for (int i = 0; i < 20; i++) {
        post(node, "officer.sgddt", listPath.formatted(unitFilter), listBody, "application/hal+json");
        post(node, "officer.sgddt", "/filter/" + unitFilter + "/count", "{}", "application/json");
        post(node, "officer.sgddt", listPath.formatted(groupFilter), listBody, "application/hal+json");
      }
      // Tasklist itself: the officer's browser session (login form, then Tasklist), the webapp's engine API with
      // the session cookie and X-XSRF-TOKEN, as the page sends it
      Tasklist tasklist = new Tasklist(node.baseUrl(), "officer.sgddt");
      JsonNode sessionPage = tasklist.post(listPath.formatted(unitFilter), listBody, "application/hal+json");
      assertThat(sessionPage.path("_embedded").path("task").size()).as("Tasklist's page").isEqualTo(15);
      assertThat(tasklist.post("/filter/" + unitFilter + "/count", "{}", "application/json").get("count").asLong())
          .isEqualTo(count.get("count").asLong());
      for (int i = 0; i < 20; i++) {
        tasklist.post(listPath.formatted(unitFilter), listBody, "application/hal+json");
        tasklist.post("/filter/" + unitFilter + "/count", "{}", "application/json");
        tasklist.post(listPath.formatted(groupFilter), listBody, "application/hal+json");
      }
      List<Double> heapSamples = new ArrayList<>();
      Percentiles list = measure(SAMPLES, i -> {
        tasklist.post(listPath.formatted(unitFilter), listBody, "application/hal+json");
      }, i -> {
        if ((i + 1) % 50 == 0) {
          heapSamples.add(heapUsedMb(node.pid(), false));
        }
      });
      Percentiles countTimes = measure(SAMPLES,
          i -> tasklist.post("/filter/" + unitFilter + "/count", "{}", "application/json"), i -> { });
      Percentiles groupList = measure(SAMPLES,
          i -> tasklist.post(listPath.formatted(groupFilter), listBody, "application/hal+json"), i -> { });
      // API clients: the same requests on /engine-rest with HTTP Basic (the password checked on every request)
      Percentiles restList = measure(SAMPLES,
          i -> post(node, "officer.sgddt", listPath.formatted(unitFilter), listBody, "application/hal+json"),
          i -> { });
      Percentiles restCount = measure(SAMPLES,
          i -> post(node, "officer.sgddt", "/filter/" + unitFilter + "/count", "{}", "application/json"), i -> { });
      // the unit view on the read model, in the same browser session: first page and the deepest page
      long unitCount = count.get("count").asLong();
      int deepPage = (int) Math.max(0, (unitCount - 1) / 15);
      String unitFirst = "/api/unit-tasks?size=15&page=0";
      String unitDeep = "/api/unit-tasks?size=15&page=" + deepPage;
      JsonNode unitPage = tasklist.get(unitFirst);
      assertThat(unitPage.get("total").asLong()).as("the read model's count = the engine's").isEqualTo(unitCount);
      assertThat(unitPage.get("items").size()).isEqualTo(15);
      assertThat(unitPage.get("items").get(0).get("dossierCode").asText()).startsWith("2026-sgddt-");
      assertThat(tasklist.get(unitDeep).get("items").size()).isEqualTo((int) (unitCount - 15L * deepPage));
      for (int i = 0; i < 20; i++) {
        tasklist.get(unitFirst);
        tasklist.get(unitDeep);
      }
      Percentiles unitFirstTimes = measure(SAMPLES, i -> tasklist.get(unitFirst), i -> { });
      Percentiles unitDeepTimes = measure(SAMPLES, i -> tasklist.get(unitDeep), i -> { });
      List<Double> sqlMs = explain(url, loaded.sql());
      double heapUnderLoad = heapSamples.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
      double heapAfterLoadGc = heapUsedMb(node.pid(), true);

      new BenchReport("tasklist", String.format(Locale.ROOT, "%,d open tasks across %d unit groups (%,d task"
              + " authorizations, database %s), loaded in %.0f s; %d samples one at a time through Tasklist's session (and /engine-rest) as"
              + " officer.sgddt (a group with %,d of them); load average %.2f at the start", tasks, groups.size(),
          authorizations, size, loadSeconds, SAMPLES, tasks / groups.size(), load))
          .figure("unit filter list (15, HAL) p50", list.p50(), "ms")
          .figure("unit filter list (15, HAL) p95", list.p95(), "ms", "< 50 ms")
          .figure("unit filter count p50", countTimes.p50(), "ms")
          .figure("unit filter count p95", countTimes.p95(), "ms", "< 50 ms")
          .figure("group's own filter list p50", groupList.p50(), "ms")
          .figure("group's own filter list p95", groupList.p95(), "ms", "< 50 ms")
          .figure("/engine-rest (HTTP Basic): unit filter list p50", restList.p50(), "ms")
          .figure("/engine-rest (HTTP Basic): unit filter list p95", restList.p95(), "ms")
          .figure("/engine-rest (HTTP Basic): unit filter count p50", restCount.p50(), "ms")
          .figure("/engine-rest (HTTP Basic): unit filter count p95", restCount.p95(), "ms")
          .figure("unit view /api/unit-tasks, first page (15) p50", unitFirstTimes.p50(), "ms")
          .figure("unit view /api/unit-tasks, first page (15) p95", unitFirstTimes.p95(), "ms", "< 50 ms")
          .figure("unit view /api/unit-tasks, deepest page " + deepPage + " p50", unitDeepTimes.p50(), "ms")
          .figure("unit view /api/unit-tasks, deepest page " + deepPage + " p95", unitDeepTimes.p95(), "ms", "< 50 ms")
          .figure("unit_task backfill of the loaded tasks", unitTaskRows / Math.max(backfillSeconds, 1e-9), "row/s")
          .figure("variables embedded per listed task", embeddedVariables, "")
          .figure("SQL of the list, EXPLAIN ANALYZE execution", sqlMs.isEmpty() ? -1 : sqlMs.get(0), "ms")
          .figure("SQL of the count, EXPLAIN ANALYZE execution", sqlMs.size() < 2 ? -1 : sqlMs.get(1), "ms")
          .figure("open tasks", tasks, "task", ">= 100,000")
          .figure("load of the open tasks", tasks / loadSeconds, "task/s")
          .write();
      new BenchReport("startup", String.format(Locale.ROOT, "the packaged jar on local PostgreSQL, launched as"
          + " docker/Dockerfile does (extracted, class data sharing archive of a training run), JVM %s;"
          + " time from launching the JVM to health and readiness UP (polled every 0.5 s); heap used after a full GC"
          + " (jcmd GC.run) unless said; load average %.2f at the start", String.join(" ", JVM), load))
          .figure("first start (empty database, creates the schema)", firstStart, "s", "< 20 s")
          .figure("first start, Spring Boot's 'Started in'", firstStarted, "s")
          .figure("heap after first start", heapFirst, "MiB", "< 512 MiB")
          .figure(String.format(Locale.ROOT, "restart (%,d open tasks)", tasks), restart, "s", "< 20 s")
          .figure("restart, Spring Boot's 'Started in'", restartStarted, "s")
          .figure("heap after restart", heapRestart, "MiB", "< 512 MiB")
          .figure("heap under Tasklist load (max of samples, no GC)", heapUnderLoad, "MiB")
          .figure("heap after Tasklist load", heapAfterLoadGc, "MiB")
          .write();
    }
  }

  // ------------------------------------------------------------------ start-up and heap

  private static double timeToReady(AppNode node) {
    long start = System.nanoTime();
    node.start().awaitUp(Duration.ofMinutes(5));
    return (System.nanoTime() - start) / 1e9;
  }

  /** Spring Boot's own figure from the log: "Started TdktApplication in 12.3 seconds". */
  private static double springStartedIn(AppNode node) throws IOException {
    Matcher m = Pattern.compile("Started \\S+ in ([0-9.]+) seconds").matcher(Files.readString(node.log()));
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** Heap used in MiB (all generations or regions, not metaspace), optionally after a full GC. */
  static double heapUsedMb(long pid, boolean gcFirst) {
    String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
    if (gcFirst) {
      exec(jcmd, Long.toString(pid), "GC.run");
    }
    String out = exec(jcmd, Long.toString(pid), "GC.heap_info");
    Matcher m = Pattern.compile("(?m)^\\s*(?:garbage-first heap|def new generation|tenured generation|PSYoungGen"
        + "|ParOldGen|[A-Za-z ]*heap)\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K").matcher(out);
    long usedK = 0;
    boolean found = false;
    while (m.find()) {
      usedK += Long.parseLong(m.group(2));
      found = true;
    }
    if (!found) {
      throw new IllegalStateException("No heap figures in jcmd GC.heap_info:\n" + out);
    }
    return usedK / 1024.0;
  }

  private static String exec(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  // ------------------------------------------------------------------ the open tasks

  /** The unit groups, and the SQL of the unit filter's list and count for officer.sgddt (parameters filled in). */
  record Loaded(List<String> groups, int tasks, List<String> sql) {}

  /**
   * The 50 unit groups and their open tasks, through a second engine on the database (the node is stopped); then,
   * through that engine's filter service, as officer.sgddt, the unit filter's list and count, whose SQL (MyBatis's
   * statement log) is kept for EXPLAIN: the same engine version and query as the node's.
   */
  private static Loaded load(String url) throws Exception {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("tasklist-loader");
    cfg.setJdbcUrl(url);
    cfg.setJdbcDriver("org.postgresql.Driver");
    cfg.setJdbcUsername("postgres");
    cfg.setJdbcPassword("");
    cfg.setJdbcMaxActiveConnections(LOADERS + 2);
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    // the application's history level is "full" with the council's ballots left out: the same id (3)
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    cfg.setAuthorizationEnabled(true);
    // as the application (application.yaml, AuthorizedGroupsPlugin), so that the captured SQL is the node's
    cfg.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    cfg.setProcessEnginePlugins(List.of(new vn.gov.sonla.tdkt.engine.AuthorizedGroupsPlugin(20)));
    cfg.setJobExecutorActivate(false);
    cfg.setMetricsEnabled(false);
    cfg.setDbMetricsReporterActivate(false);
    cfg.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    ProcessEngine engine = cfg.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().name("tasklist-load")
          .addClasspathResource("bench/tasklist-load.bpmn").deploy();
      IdentityService identity = engine.getIdentityService();
      List<String> units = new ArrayList<>(DEMO_UNITS);
      for (int i = 1; units.size() < GROUPS; i++) {
        units.add(String.format(Locale.ROOT, "dv%02d", i));
      }
      List<String> groups = units.stream().map(u -> "unit-" + u).toList();
      for (int i = 0; i < units.size(); i++) {
        if (identity.createGroupQuery().groupId(groups.get(i)).count() == 0) {
          Group g = identity.newGroup(groups.get(i));
          g.setName("Đơn vị " + units.get(i));
          g.setType("UNIT");
          identity.saveGroup(g);
        }
      }
      RuntimeService runtime = engine.getRuntimeService();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger loaded = new AtomicInteger();
      long deadline = MAX_LOAD_SECONDS > 0 ? System.nanoTime() + MAX_LOAD_SECONDS * 1_000_000_000L : Long.MAX_VALUE;
      Date due = new Date(System.currentTimeMillis() + 7L * 86_400_000L);
      parallel(LOADERS, worker -> {
        for (int from; System.nanoTime() < deadline && (from = next.getAndAdd(BATCH)) < TASKS; ) {
          int start = from;
          cfg.getCommandExecutorTxRequired().execute((Command<Void>) context -> {
            for (int n = start; n < Math.min(start + BATCH, TASKS); n++) {
              String unit = units.get(n % units.size());
              String code = String.format(Locale.ROOT, "2026-%s-%05d", unit, n / units.size() + 1);
              runtime.startProcessInstanceByKey("tasklist-load", code, Variables.createVariables()
                  .putValue("dossierCode", code)
                  .putValue("unitGroup", "unit-" + unit)
                  .putValue("unitName", "Đơn vị " + unit)
                  .putValue("subjectName", "Nguyễn Thị Hương " + n)
                  .putValue("awardType", "BK_TINH")
                  .putValue("awardTypeName", "Bằng khen của Chủ tịch UBND tỉnh")
                  .putValue("awardKind", "ANNUAL")
                  .putValue("awardYear", 2026)
                  .putValue("due", due));
            }
            return null;
          });
          loaded.addAndGet(Math.min(start + BATCH, TASKS) - start);
          if ((start / BATCH) % 40 == 0) {
            System.out.printf(Locale.ROOT, "[tasklist-benchmark] %,d tasks%n", start + BATCH);
          }
        }
      });
      return new Loaded(groups, loaded.get(), captureFilterSql(engine));
    } finally {
      engine.close();
    }
  }

  /** The statements the engine sends for the unit filter's page and count, with their parameters in place. */
  private static List<String> captureFilterSql(ProcessEngine engine) {
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();
    appender.start();
    ch.qos.logback.classic.Level level = log.getLevel();
    log.addAppender(appender);
    log.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      org.camunda.bpm.engine.filter.Filter filter = engine.getFilterService().createFilterQuery()
          .filterName(UNIT_FILTER).singleResult();
      engine.getIdentityService().setAuthentication("officer.sgddt", List.of("unit-sgddt"));
      try {
        engine.getFilterService().listPage(filter.getId(),
            engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc(), 0, 15);
        engine.getFilterService().count(filter.getId());
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      log.detachAppender(appender);
      log.setLevel(level);
    }
    List<String> statements = new ArrayList<>();
    String preparing = null;
    for (ch.qos.logback.classic.spi.ILoggingEvent e : appender.list) {
      String m = e.getFormattedMessage();
      if (m.contains("Preparing:")) {
        preparing = m.substring(m.indexOf("Preparing:") + 10).trim();
      } else if (m.contains("Parameters:") && preparing != null) {
        statements.add(fill(preparing, m.substring(m.indexOf("Parameters:") + 11).trim()));
        preparing = null;
      }
    }
    return statements;
  }

  /** MyBatis's "?" placeholders replaced by the logged parameters ("value(Type), ..."). */
  private static String fill(String sql, String parameters) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile("(null|.*?\\((\\w+)\\))(?:, |$)").matcher(parameters);
    while (m.find() && !m.group(0).isEmpty()) {
      String token = m.group(1);
      if ("null".equals(token)) {
        values.add("NULL");
        continue;
      }
      String value = token.substring(0, token.length() - m.group(2).length() - 2);
      values.add(switch (m.group(2)) {
        case "Integer", "Long", "Boolean", "Short" -> value;
        default -> "'" + value.replace("'", "''") + "'";
      });
    }
    StringBuilder out = new StringBuilder();
    int v = 0;
    for (char c : sql.toCharArray()) {
      out.append(c == '?' && v < values.size() ? values.get(v++) : String.valueOf(c));
    }
    return out.toString();
  }

  private static void parallel(int threads, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> work.accept(thread)));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of each statement, warmed by one run; the plans go to
   * {@code target/bench/tasklist-plans.txt}; the execution times (ms) are returned.
   */
  private static List<Double> explain(String url, List<String> statements) throws Exception {
    List<Double> times = new ArrayList<>();
    StringBuilder plans = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
      // the planner setting of the node's connections (connection-init-sql of the postgres profile)
      st.execute("SET random_page_cost = 1.1");
      for (String sql : statements) {
        st.executeQuery(sql).close();
        StringBuilder plan = new StringBuilder();
        try (var rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        Matcher m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
        times.add(m.find() ? Double.parseDouble(m.group(1)) : -1);
        plans.append("-- ").append(sql.replaceAll("\\s+", " ")).append("\n").append(plan).append('\n');
      }
    }
    Path dir = Path.of(System.getProperty("tdkt.bench.dir", "target/bench"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("tasklist-plans.txt"), plans);
    System.out.println("[tasklist-benchmark] query plans:\n" + plans);
    return times;
  }

  // ------------------------------------------------------------------ REST

  /** Tasklist's own requests: a logged-in browser session on the webapp's engine API. */
  private final class Tasklist {
    private final BrowserSession session;
    private final String xsrf;

    Tasklist(String base, String user) {
      session = new BrowserSession(base).loggedInAs(user, AppNode.DEMO_PASSWORD);
      assertThat(session.openWebapp("tasklist").statusCode()).isEqualTo(200);
      xsrf = session.webappXsrfToken();
      assertThat(xsrf).as("the webapps' XSRF token").isNotBlank();
    }

    JsonNode post(String path, String body, String accept) {
      return send(session.request("/camunda/api/engine/engine/default" + path).header("X-XSRF-TOKEN", xsrf)
          .header("Accept", accept).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build());
    }

    /** A project API call in the same session (a GET needs no XSRF token). */
    JsonNode get(String path) {
      return send(session.request(path).header("Accept", "application/json").GET()
          .timeout(Duration.ofSeconds(60)).build());
    }

    private JsonNode send(HttpRequest request) {
      return body(request, session.send(request));
    }
  }

  private String filterId(AppNode node, String name) throws Exception {
    JsonNode filters = get(node, "officer.sgddt",
        "/filter?resourceType=Task&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    assertThat(filters.size()).as("filter %s visible to officer.sgddt", name).isEqualTo(1);
    return filters.get(0).get("id").asText();
  }

  /** A filter naming the group, made by the administrator and readable by the group. */
  private String createGroupFilter(AppNode node, String group) throws Exception {
    String body = json.writeValueAsString(json.createObjectNode()
        .put("resourceType", "Task").put("name", "Bench " + group)
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("query", json.createObjectNode()
            .put("candidateGroup", group).put("includeAssignedTasks", true))
        .set("properties", json.readTree("{\"priority\":0,\"refresh\":true,\"variables\":["
            + "{\"name\":\"dossierCode\",\"label\":\"Mã hồ sơ\"},{\"name\":\"subjectName\",\"label\":\"Đối tượng\"},"
            + "{\"name\":\"awardTypeName\",\"label\":\"Hình thức\"},{\"name\":\"unitName\",\"label\":\"Đơn vị\"}]}")));
    String id = post(node, "admin", "/filter/create", body, "application/json").get("id").asText();
    post(node, "admin", "/authorization/create", "{\"type\":1,\"permissions\":[\"READ\"],\"groupId\":\"" + group
        + "\",\"resourceType\":5,\"resourceId\":\"" + id + "\"}", "application/json");
    return id;
  }

  private JsonNode get(AppNode node, String user, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/engine-rest" + path))
        .header("Authorization", basic(user)).header("Accept", "application/json").GET()
        .timeout(Duration.ofSeconds(60)).build();
    return send(request);
  }

  private JsonNode post(AppNode node, String user, String path, String body, String accept) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/engine-rest" + path))
        .header("Authorization", basic(user)).header("Accept", accept).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build();
    return send(request);
  }

  private JsonNode send(HttpRequest request) {
    try {
      return body(request, http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The answer's JSON; anything but 200 is a failure of the benchmark. */
  private JsonNode body(HttpRequest request, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
          + response.body());
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + AppNode.DEMO_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Nearest-rank percentiles of {@code n} calls' wall-clock times, in ms; {@code after} runs untimed. */
  private static Percentiles measure(int n, IntConsumer sample, IntConsumer after) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      sample.accept(i);
      ms[i] = (System.nanoTime() - start) / 1e6;
      after.accept(i);
    }
    Arrays.sort(ms);
    return new Percentiles(ms[rank(n, 0.50)], ms[rank(n, 0.95)], ms[n - 1]);
  }

  private static int rank(int n, double p) {
    return Math.max(0, (int) Math.ceil(p * n) - 1);
  }
}
