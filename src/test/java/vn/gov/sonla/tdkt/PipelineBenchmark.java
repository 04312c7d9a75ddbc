package vn.gov.sonla.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.support.BenchReport;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * Pipeline throughput ({@code ./mvnw -Pbench verify}, or {@code -Dit.test=PipelineBenchmark} alone): dossiers
 * ({@code -Dtdkt.bench.pipeline.dossiers=}, 2,000 by default) driven through the whole pipeline on the local
 * PostgreSQL by {@code -Dtdkt.bench.pipeline.threads=} (4) worker threads through the Java API, as the users and
 * the council's tally would drive them: intake ({@link DossierService#create}: documents, dossier row, process
 * start), the appraiser's claim and VALID appraisal, the council's resolution (agenda item, tally, audit record and
 * the {@code CouncilResolution} message in one transaction, as {@code TallyVotes} does it), the end of the public
 * notice (the notice-period timer executed through {@link ManagementService#executeJob}; the job executor is off,
 * as in every test), and the Chairman's claim and approval (decision number, PDF, award register) up to
 * {@code AWARDED}.
 *
 * <p>In the same run and the same way, the skeleton ({@code bench/pipeline-skeleton.bpmn}): the same wait states
 * (user tasks with their deadline timers, message wait, notice timer and objection subscription) with no-op
 * delegates, started with the same process variables. Skeleton first, then the pipeline (which so runs on the
 * larger tables); a warm-up of both before either is measured.
 *
 * <p>Two counts of transactions: <em>engine commands</em>, the outermost engine API calls (a
 * {@link CommandInterceptor} before the transaction interceptor, nested calls from delegates not counted; calls
 * joined into one Spring transaction, as in the intake, count one each), and <em>PostgreSQL commits</em>, the
 * delta of {@code pg_stat_database.xact_commit} of the benchmark's database (every commit, read-only ones
 * included, after the pool's connections have been closed so that their statistics are flushed). CPU per item:
 * the worker threads' CPU time and the CPU time of the database's PostgreSQL backends (from /proc), and the ratio
 * of both sides' sums, which the neighbours' builds move much less than the wall-time ratio. Last,
 * {@code pgbench -N -c 4 -j 2 -T 20} on a scratch database when pgbench is installed: PostgreSQL's own commit rate
 * on this machine, the upper bound.
 */
// closed after the class: each benchmark fills a large database of its own, freed before the next one starts
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.test.context=pipeline-benchmark", "tdkt.demo-data=true", "DB_USER=postgres", "DB_PASSWORD=",
        "spring.datasource.hikari.maximum-pool-size=8"})
@ActiveProfiles({"test", "postgres"})
class PipelineBenchmark {

  static final int DOSSIERS = Integer.getInteger("tdkt.bench.pipeline.dossiers", 2_000);
  static final int THREADS = Integer.getInteger("tdkt.bench.pipeline.threads", 4);
  static final int WARMUP = Integer.getInteger("tdkt.bench.pipeline.warmup", 100);
  /** A phase stops taking new items after this long (0: never), e.g. on a machine shared with others' builds. */
  static final long MAX_SECONDS = Long.getLong("tdkt.bench.pipeline.max-seconds", 0);
  static final String DATABASE = "tdkt_bench_pipeline";
  static final String SKELETON = "pipeline-skeleton";
  /** The demo units: each worker thread submits for its own unit, as units submit concurrently. */
  static final List<String> UNITS = List.of("sgddt", "syt", "ptohieu", "vpubnd");

  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired CouncilRepository council;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired CommandCounter commands;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.url(DATABASE));
  }

  @TestConfiguration
  static class Bench {
    /** The skeleton's delegates and listeners: nothing. */
    @Bean("benchNoop")
    JavaDelegate benchNoop() {
      return execution -> { };
    }

    @Bean
    CommandCounter commandCounter() {
      return new CommandCounter();
    }
  }

  /** Counts the outermost engine commands (one per API call from outside the engine). */
  static final class CommandCounter extends AbstractProcessEnginePlugin {
    final AtomicLong outermost = new AtomicLong();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
          ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
      pre.add(0, new CommandInterceptor() {
        @Override
        public <T> T execute(Command<T> command) {
          int[] d = depth.get();
          if (d[0]++ == 0) {
            outermost.incrementAndGet();
          }
          try {
            return next.execute(command);
          } finally {
            d[0]--;
          }
        }
      });
      configuration.setCustomPreCommandInterceptorsTxRequired(pre);
    }
  }

  interface Step {
    void run(int thread, int n) throws Exception;
  }

  /**
   * One measured phase; {@code workerCpuNanos}: CPU time of the worker threads (ThreadMXBean), {@code
   * backendCpuTicks}: CPU time of this database's PostgreSQL backends at the phase's end (clock ticks from
   * /proc, -1 when unreadable). Both depend much less on the neighbours' load than the wall time.
   */
  record Phase(int items, double seconds, long commands, long commits, long workerCpuNanos, long backendCpuTicks) {
    double workerCpuMsPerItem() {
      return workerCpuNanos / 1e6 / items;
    }

    double backendCpuMsPerItem() {
      return backendCpuTicks < 0 ? -1 : backendCpuTicks * 10.0 / items; // USER_HZ = 100
    }

    double perSecond() {
      return items / seconds;
    }

    double commandsPerSecond() {
      return commands / seconds;
    }

    double commitsPerSecond() {
      return commits / seconds;
    }
  }

  @Test
  void pipelineAgainstSkeleton() throws Exception {
    double load = loadAverage();
    long awardedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'AWARDED'", Long.class);
    repository.createDeployment().name(SKELETON).addClasspathResource("bench/pipeline-skeleton.bpmn").deploy();
    String runId = Long.toString(System.currentTimeMillis() % 100_000, 36);
    AtomicInteger round = new AtomicInteger();

    // warm-up: JIT, connection pool, caches, the dossier and decision counters' rows
    drive("skeleton warm-up", WARMUP, (t, n) -> skeleton("W" + n));
    Phase warmup = drive("pipeline warm-up", WARMUP, (t, n) -> pipeline(t, sessionKey(runId, round, t)));

    round.incrementAndGet();
    Phase skeleton = drive("skeleton", DOSSIERS, (t, n) -> skeleton("S" + n));
    round.incrementAndGet();
    Phase pipeline = drive("pipeline", DOSSIERS, (t, n) -> pipeline(t, sessionKey(runId, round, t)));

    long awarded = jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'AWARDED'", Long.class);
    assertThat(awarded - awardedBefore).as("every dossier reached AWARDED")
        .isEqualTo(warmup.items() + pipeline.items());
    long skeletonsLeft = runtime.createProcessInstanceQuery().processDefinitionKey(SKELETON).count();
    assertThat(skeletonsLeft).as("every skeleton instance ended").isZero();
    Map<String, Object> numbers = jdbc.queryForMap("SELECT COUNT(*) AS n, COUNT(DISTINCT (decision_year, seq)) AS"
        + " distinct_numbers, MAX(seq) AS max_seq FROM decision");
    assertThat(((Number) numbers.get("distinct_numbers")).longValue()).as("distinct decision numbers")
        .isEqualTo(((Number) numbers.get("n")).longValue());

    Optional<Double> pgbench = pgbench();
    double ratio = pipeline.perSecond() / skeleton.perSecond();

    BenchReport report = new BenchReport("pipeline", String.format(Locale.ROOT,
        "%,d dossiers and %,d skeleton instances (after %d of each as warm-up), %d worker threads, Java API, local"
            + " PostgreSQL; load average %.2f at the start", pipeline.items(), skeleton.items(), WARMUP, THREADS, load))
        .figure("pipeline throughput", pipeline.perSecond(), "dossier/s")
        .figure("pipeline engine commands", pipeline.commandsPerSecond(), "cmd/s")
        .figure("pipeline PostgreSQL commits", pipeline.commitsPerSecond(), "commit/s")
        .figure("pipeline engine commands per dossier", (double) pipeline.commands() / pipeline.items(), "cmd")
        .figure("pipeline commits per dossier", (double) pipeline.commits() / pipeline.items(), "commit")
        .figure("pipeline wall time", pipeline.seconds(), "s")
        .figure("skeleton throughput", skeleton.perSecond(), "inst/s")
        .figure("skeleton engine commands", skeleton.commandsPerSecond(), "cmd/s")
        .figure("skeleton PostgreSQL commits", skeleton.commitsPerSecond(), "commit/s")
        .figure("skeleton wall time", skeleton.seconds(), "s")
        .figure("pipeline worker CPU per dossier", pipeline.workerCpuMsPerItem(), "ms")
        .figure("skeleton worker CPU per instance", skeleton.workerCpuMsPerItem(), "ms")
        .figure("pipeline PostgreSQL backend CPU per dossier", pipeline.backendCpuMsPerItem(), "ms")
        .figure("skeleton PostgreSQL backend CPU per instance", skeleton.backendCpuMsPerItem(), "ms")
        .figure("CPU ratio skeleton / pipeline per item (workers + backends)", (skeleton.workerCpuMsPerItem()
            + Math.max(0, skeleton.backendCpuMsPerItem())) / (pipeline.workerCpuMsPerItem()
            + Math.max(0, pipeline.backendCpuMsPerItem())), "x")
        .figure("ratio pipeline / skeleton", ratio, "x", ">= 0.8");
    pgbench.ifPresent(tps -> report.figure("pgbench -N -c 4 -j 2 commit rate (upper bound)", tps, "commit/s"));
    if (pgbench.isEmpty()) {
      System.out.println("[pipeline-benchmark] pgbench not installed: no commit-rate upper bound");
    }
    report.figure("load average (1 min) at start", load, "");
    report.write();
  }

  private static String sessionKey(String runId, AtomicInteger round, int thread) {
    return "2099-R" + runId + round.get() + thread;
  }

  // ------------------------------------------------------------------ one dossier, one skeleton instance

  private final Map<String, AtomicInteger> agendaPositions = new java.util.concurrent.ConcurrentHashMap<>();

  /** One dossier through intake, appraisal, council, public notice and the Chairman's decision. */
  private void pipeline(int thread, String session) {
    String unit = UNITS.get(thread % UNITS.size());
    CurrentUser officer = new CurrentUser("officer." + unit, Set.of("unit-" + unit));
    Dossier d = dossiers.create(TestDossiers.individual("ANNUAL"), TestDossiers.requiredUploads("ANNUAL"), false,
        officer);
    String code = d.code();
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();

    Task appraise = task(pi, "Task_Appraise");
    as("appraiser", "home-affairs", () -> tasks.claim(appraise.getId(), "appraiser"));
    as("appraiser", "home-affairs", () -> tasks.complete(appraise.getId(), Map.of("appraisalOutcome", "VALID",
        "appraisalSummary", "Hồ sơ hợp lệ.",
        "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật.")));

    AtomicInteger position = agendaPositions.computeIfAbsent(session, s -> {
      council.insertSession(s, 2099, 1, "Phiên đo hiệu năng", "bench-" + s, "appraiser", OffsetDateTime.now());
      return new AtomicInteger();
    });
    transactions.executeWithoutResult(tx -> {
      council.insertAgendaItem(new CouncilRepository.AgendaItem(session, position.incrementAndGet(), code,
          d.subjectName(), "Đơn vị " + unit, "BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", "Hợp lệ.", null, null,
          null, null, null));
      council.recordOutcome(session, code, "PASSED", 9, 0, 0, 5);
      audit.append(code, AuditLog.COUNCIL_TALLY, AuditLog.detail("session", session, "round", 1, "for", 9,
          "against", 0, "absent", 0, "required", 5, "passed", true));
      runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(code)
          .setVariables(Variables.createVariables().putValue("councilPassed", true).putValue("votesFor", 9)
              .putValue("votesAgainst", 0).putValue("votesAbsent", 0).putValue("votesRequired", 5)
              .putValue("councilMembers", 9).putValue("councilSession", session))
          .correlate();
    });

    Job timer = management.createJobQuery().processInstanceId(pi).activityId("Timer_NoticePeriod").singleResult();
    management.executeJob(timer.getId());

    // the normal procedure is decided by batch (one decision for a round): the dossier's share is the batch's
    // outcome reaching it (award register, status), as the batch's last step sends it
    runtime.createMessageCorrelation("DecisionBatchOutcome").processInstanceId(pi)
        .setVariables(Variables.createVariables().putValue("batchOutcome", "APPROVED").putValue("batchKey", "bench")
            .putValue("batchReason", "").putValue("decisionNumber", (thread + 1) + "/QĐ-UBND")
            .putValue("decisionDate", java.sql.Date.valueOf(java.time.LocalDate.now()))
            .putValue("decidedBy", "chairman"))
        .correlate();
  }

  /** One skeleton instance, driven by the same calls as a dossier. */
  private void skeleton(String key) {
    VariableMap variables = Variables.createVariables()
        .putValue("dossierCode", key).putValue("unitCode", "sgddt").putValue("unitGroup", "unit-sgddt")
        .putValue("unitName", "Sở Giáo dục và Đào tạo").putValue("awardType", "BK_TINH")
        .putValue("awardTypeName", "Bằng khen của Chủ tịch UBND tỉnh").putValue("awardLevel", "PROVINCIAL")
        .putValue("awardKind", "ANNUAL").putValue("awardKindLabel", "Khen thưởng thường xuyên")
        .putValue("awardYear", 2026).putValue("subjectKind", "INDIVIDUAL").putValue("subjectKindLabel", "Cá nhân")
        .putValue("subjectName", "Nguyễn Thị Hương " + key).putValue("subjectDetails", "Giáo viên, Trường THPT")
        .putValue("subjectRole", "DIRECT_WORKER")
        .putValue("achievements", "Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến được áp dụng toàn tỉnh.")
        .putValue("documents", "PROPOSAL_LETTER, ACHIEVEMENT_REPORT, REVIEW_MINUTES")
        .putValue("dossierUrl", "/dossiers/view.html?code=" + key);
    runtime.startProcessInstanceByKey(SKELETON, key, variables);
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();

    Task appraise = task(pi, "Task_Appraise");
    as("appraiser", "home-affairs", () -> tasks.claim(appraise.getId(), "appraiser"));
    as("appraiser", "home-affairs", () -> tasks.complete(appraise.getId(), Map.of("appraisalOutcome", "VALID",
        "appraisalSummary", "Hồ sơ hợp lệ.")));

    runtime.createMessageCorrelation("BenchCouncilResolution").processInstanceBusinessKey(key)
        .setVariables(Variables.createVariables().putValue("councilPassed", true).putValue("votesFor", 9)
            .putValue("votesAgainst", 0).putValue("votesAbsent", 0).putValue("votesRequired", 5)
            .putValue("councilMembers", 9).putValue("councilSession", "skeleton"))
        .correlate();

    Job timer = management.createJobQuery().processInstanceId(pi).activityId("Timer_NoticePeriod").singleResult();
    management.executeJob(timer.getId());

    Task decide = task(pi, "Task_Decide");
    as("chairman", "chairman", () -> tasks.claim(decide.getId(), "chairman"));
    as("chairman", "chairman", () -> tasks.complete(decide.getId(), Map.of("decisionOutcome", "APPROVE")));
  }

  private Task task(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private void as(String user, String group, Runnable action) {
    identity.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  // ------------------------------------------------------------------ measuring

  /** Runs {@code items} steps on the worker threads, each taking the next item; wall time and the two counts. */
  private Phase drive(String name, int items, Step step) throws Exception {
    long commits0 = commits();
    Map<String, long[]> rows0 = rowsWritten();
    long commands0 = commands.outermost.get();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong workerCpu = new AtomicLong();
    long start = System.nanoTime();
    long deadline = MAX_SECONDS > 0 ? start + MAX_SECONDS * 1_000_000_000L : Long.MAX_VALUE;
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers.add(pool.submit(() -> {
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
          for (int n; System.nanoTime() < deadline && (n = next.getAndIncrement()) < items && failures.isEmpty(); ) {
            try {
              step.run(thread, n);
              done.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        } finally {
          workerCpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
              - cpu0);
        }
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long backendCpu = backendCpuTicks();
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError(name + ": " + failures.size() + " failed", failures.peek());
      failures.stream().skip(1).limit(3).forEach(error::addSuppressed);
      throw error;
    }
    long commandCount = commands.outermost.get() - commands0;
    long commitCount = commits() - commits0;
    int completed = done.get();
    System.out.printf(Locale.ROOT, "[pipeline-benchmark] %s: %,d of %,d in %.1f s = %.1f/s; %,d engine commands, %,d"
        + " commits%n", name, completed, items, seconds, completed / seconds, commandCount, commitCount);
    printRowsWritten(name, completed, rows0, rowsWritten());
    Phase phase = new Phase(completed, seconds, commandCount, commitCount, workerCpu.get(), backendCpu);
    System.out.printf(Locale.ROOT, "[pipeline-benchmark] %s CPU per item: worker threads %.1f ms, PostgreSQL backends"
        + " %.1f ms%n", name, phase.workerCpuMsPerItem(), phase.backendCpuMsPerItem());
    return phase;
  }

  /**
   * CPU time (utime + stime, clock ticks) of the benchmark database's client backends, read from /proc (PostgreSQL
   * on this machine). {@link #commits()} closes the pool's connections before a phase, so the backends alive at its
   * end were opened for it: their CPU is the phase's database work. -1 when /proc cannot be read.
   */
  private long backendCpuTicks() {
    String url = PostgresTestDatabase.url(DATABASE);
    String name = url.substring(url.lastIndexOf('/') + 1);
    long ticks = 0;
    try (Connection c = DriverManager.getConnection(
        "jdbc:postgresql://" + PostgresTestDatabase.HOST + "/postgres", "postgres", "");
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + name + "'"
             + " AND backend_type = 'client backend'")) {
      while (rs.next()) {
        String stat = Files.readString(Path.of("/proc", Integer.toString(rs.getInt(1)), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
      }
      return ticks;
    } catch (SQLException | IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * {@code pg_stat_database.xact_commit} of the benchmark's database. A backend reports its statistics when it
   * has been idle a while or when it exits: the pool's idle connections are closed first (and re-opened on
   * demand), so that every commit made so far is counted.
   */
  private long commits() throws InterruptedException {
    ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    Thread.sleep(1_500);
    String url = PostgresTestDatabase.url(DATABASE);
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(
        "jdbc:postgresql://" + PostgresTestDatabase.HOST + "/postgres", "postgres", "");
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + name + "'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Rows inserted, updated and deleted per table of the benchmark's database so far ({@code pg_stat_user_tables},
   * counted as {@link #commits()} counts: after the pool's connections have reported their statistics).
   */
  private Map<String, long[]> rowsWritten() {
    Map<String, long[]> rows = new java.util.TreeMap<>();
    try (Connection c = DriverManager.getConnection(PostgresTestDatabase.url(DATABASE), "postgres", "");
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables")) {
      while (rs.next()) {
        rows.put(rs.getString(1).toLowerCase(Locale.ROOT), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** Rows written per item in a phase: the totals, and the tables with any, most first. */
  private static void printRowsWritten(String name, int items, Map<String, long[]> before, Map<String, long[]> after) {
    if (items == 0) {
      return;
    }
    long[] total = new long[3];
    List<Map.Entry<String, long[]>> tables = new ArrayList<>();
    after.forEach((table, a) -> {
      long[] b = before.getOrDefault(table, new long[3]);
      long[] d = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
      if (d[0] + d[1] + d[2] > 0) {
        tables.add(Map.entry(table, d));
        for (int i = 0; i < 3; i++) {
          total[i] += d[i];
        }
      }
    });
    tables.sort((x, y) -> Long.compare(y.getValue()[0] + y.getValue()[1] + y.getValue()[2],
        x.getValue()[0] + x.getValue()[1] + x.getValue()[2]));
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, long[]> t : tables) {
      long[] d = t.getValue();
      s.append(String.format(Locale.ROOT, "%n    %-28s ins %6.2f  upd %6.2f  del %6.2f", t.getKey(),
          d[0] / (double) items, d[1] / (double) items, d[2] / (double) items));
    }
    System.out.printf(Locale.ROOT, "[pipeline-benchmark] %s rows per item: inserted %.2f, updated %.2f, deleted %.2f%s%n",
        name, total[0] / (double) items, total[1] / (double) items, total[2] / (double) items, s);
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  // ------------------------------------------------------------------ pgbench

  /** pgbench -N (no updates of the branch and teller rows: commit-bound) on a scratch database; its tps. */
  private static Optional<Double> pgbench() throws Exception {
    Optional<Path> pgbench = findPgbench();
    if (pgbench.isEmpty()) {
      return Optional.empty();
    }
    String url = PostgresTestDatabase.url("tdkt_bench_pgbench");
    String db = url.substring(url.lastIndexOf('/') + 1);
    String[] hostPort = PostgresTestDatabase.HOST.split(":");
    List<String> base = List.of(pgbench.get().toString(), "-h", hostPort[0], "-p", hostPort.length > 1 ? hostPort[1]
        : "5432", "-U", "postgres");
    run(concat(base, List.of("-i", "-q", "-s", "1", db)));
    String out = run(concat(base, List.of("-N", "-c", "4", "-j", "2", "-T", "20", db)));
    try (Connection admin = DriverManager.getConnection(
        "jdbc:postgresql://" + PostgresTestDatabase.HOST + "/postgres", "postgres", "");
         Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
    Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("No tps in pgbench's output:\n" + out);
    }
    return Optional.of(Double.parseDouble(m.group(1)));
  }

  private static Optional<Path> findPgbench() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, "pgbench");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).findFirst();
      }
    }
    return Optional.empty();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed:\n" + out);
    }
    System.out.println("[pipeline-benchmark] " + String.join(" ", command) + "\n" + out);
    return out;
  }
}
