package vn.gov.sonla.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sonla.tdkt.award.SubjectKey;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.kernel.VietnameseText;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.BenchReport;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;
import vn.gov.sonla.tdkt.support.TestDossiers;
import vn.gov.sonla.tdkt.trail.TrailScenario;

/**
 * The auditor's reads on years of history ({@code ./mvnw -Pbench verify}): a PostgreSQL database holding
 * 100,000 completed dossiers' engine history and project records ({@code -Dtdkt.bench.audit.dossiers=} to change),
 * then the 50th and 95th percentile times, over HTTP as the auditor, of a dossier's trail, a dossier search and the
 * reports page's request (one year and all years), and the time to verify the whole audit chain.
 *
 * <p>The history is made by driving four template dossiers through the real pipeline (supplement, council, notice
 * with a dismissed objection and decision; sudden award on the simplified procedure; rejected at appraisal; not
 * passed by the council) and copying their rows ({@link HistoryCloner}) across 50 units and ten years, mixed 40 / 30 /
 * 15 / 15.
 */
// closed after the class: each benchmark fills a large database of its own, freed before the next one starts
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.test.context=audit-benchmark", "tdkt.demo-data=true", "DB_USER=postgres", "DB_PASSWORD=",
        "spring.datasource.hikari.maximum-pool-size=8"})
@ActiveProfiles({"test", "postgres"})
class AuditBenchmark {

  static final int DOSSIERS = Integer.getInteger("tdkt.bench.audit.dossiers", 100_000);
  static final int SAMPLES = Integer.getInteger("tdkt.bench.audit.samples", 200);
  static final int FIRST_YEAR = 2016;
  static final int YEARS = 10;
  /**
   * {@code -Dtdkt.bench.audit.reuse=true}: keep the database of an earlier run and, when it already holds the
   * dossiers, skip the fill and measure only (a fill takes long; measuring again on a quiet machine does not).
   */
  static final boolean REUSE = Boolean.getBoolean("tdkt.bench.audit.reuse");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired CouncilRepository council;
  @Autowired PublicNoticeService notices;
  @Autowired DecisionRepository decisions;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> REUSE
        ? PostgresTestDatabase.kept("tdkt_bench_audit") : PostgresTestDatabase.url("tdkt_bench_audit"));
  }

  @Test
  void trailSearchAndReportsOnYearsOfHistory() {
    Random random = new Random(20251231L);
    long existing = jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
    double fillSeconds = 0;
    long auditRecords;
    List<Pick> picks;
    if (REUSE && existing >= DOSSIERS) {
      System.out.println("[audit-benchmark] reusing the " + existing + " dossiers of an earlier fill");
      auditRecords = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
      picks = jdbc.query("SELECT d.code, d.unit_code, d.award_year, d.subject_name, MIN(x.seq) FROM dossier d"
          + " LEFT JOIN decision x ON x.dossier_code = d.code GROUP BY d.code, d.unit_code, d.award_year,"
          + " d.subject_name ORDER BY md5(d.code) LIMIT 5000",
          (rs, i) -> new Pick(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
              (Integer) rs.getObject(5)));
    } else {
      List<HistoryCloner.Template> templates = List.of(
          richTemplate(), suddenAwardTemplate(), rejectedTemplate(), notPassedTemplate());
      double[] mix = {0.40, 0.30, 0.15, 0.15};

      long fillStart = System.nanoTime();
      // numbers go on after the templates' own dossier codes and decision numbers
      Map<String, Integer> codeSeq = new HashMap<>();
      jdbc.query("SELECT code FROM dossier", rs -> {
        String[] parts = rs.getString(1).split("-");
        codeSeq.merge(parts[0] + parts[1], Integer.parseInt(parts[2]), Math::max);
      });
      Map<Integer, Integer> decisionSeq = new HashMap<>();
      jdbc.query("SELECT decision_year, MAX(seq) FROM decision GROUP BY decision_year",
          rs -> { decisionSeq.put(rs.getInt(1), rs.getInt(2)); });
      List<HistoryCloner.Copy> copies = copies(templates, mix, random, codeSeq, decisionSeq);
      HistoryCloner cloner = new HistoryCloner(jdbc, line -> System.out.println("[audit-benchmark] " + line));
      cloner.cloneAll(copies, 5_000);
      auditRecords = cloner.chainAuditRecords(copies);
      cloner.dropWorkTable();
      jdbc.execute("ANALYZE");
      fillSeconds = (System.nanoTime() - fillStart) / 1e9;
      picks = copies.stream()
          .map(c -> new Pick(c.code(), c.unitCode(), c.year(), c.subjectName(), c.decisionSeq())).toList();
    }

    long dossierRows = jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
    long historyRows = 0;
    for (String table : HistoryCloner.ENGINE_TABLES) {
      historyRows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
    String databaseSize = jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))",
        String.class);
    assertThat(dossierRows).isGreaterThanOrEqualTo(DOSSIERS);

    Api api = new Api(rest);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      codes.add(picks.get(random.nextInt(picks.size())).code());
    }
    List<String> names = picks.stream().map(Pick::subjectName).toList();

    // warm up every path once (JIT, connection pool, plan caches)
    for (int i = 0; i < 20; i++) {
      ok(api.get("auditor", "/api/dossiers/" + codes.get(i) + "/history"));
      ok(api.get("auditor", searchUrl(i, random, names, picks)));
    }
    ok(api.get("auditor", "/api/reports?year=2020"));

    // what any authenticated API call costs (HTTP Basic login against the engine's identity, one small query)
    Percentiles baseline = measure(SAMPLES, i -> ok(api.get("auditor", "/api/award-types")));
    Percentiles trail = measure(SAMPLES, i -> {
      ResponseEntity<JsonNode> r = api.get("auditor", "/api/dossiers/" + codes.get(i) + "/history");
      ok(r);
      assertThat(r.getBody().size()).isGreaterThan(5);
    });
    Percentiles search = measure(SAMPLES, i -> ok(api.get("auditor", searchUrl(i, random, names, picks))));
    Percentiles reportYear = measure(20, i -> ok(api.get("auditor", "/api/reports?year=" + (FIRST_YEAR + i % YEARS))));
    Percentiles reportAll = measure(10, i -> ok(api.get("auditor", "/api/reports")));
    long verifyStart = System.nanoTime();
    ResponseEntity<JsonNode> verify = api.get("auditor", "/api/audit/verify");
    double verifyMs = (System.nanoTime() - verifyStart) / 1e6;
    ok(verify);
    assertThat(verify.getBody().get("ok").asBoolean()).as("the cloned chain verifies").isTrue();

    new BenchReport("audit", String.format(Locale.ROOT, "%,d dossiers (%,d history rows, %,d audit records, %s) on"
        + " PostgreSQL%s; %d samples each, HTTP as the auditor", dossierRows, historyRows, auditRecords, databaseSize,
        fillSeconds == 0 ? " (reused from an earlier fill)" : "", SAMPLES))
        .figure("fill time", fillSeconds, "s")
        .figure("baseline GET /api/award-types p50", baseline.p50(), "ms")
        .figure("trail p50", trail.p50(), "ms")
        .figure("trail p95", trail.p95(), "ms", "< 100 ms")
        .figure("search p50", search.p50(), "ms")
        .figure("search p95", search.p95(), "ms", "< 100 ms")
        .figure("reports (one year) p50", reportYear.p50(), "ms")
        .figure("reports (one year) p95", reportYear.p95(), "ms", "< 1000 ms")
        .figure("reports (all years) p50", reportAll.p50(), "ms")
        .figure("reports (all years) p95", reportAll.p95(), "ms", "< 1000 ms")
        .figure("verify the audit chain", verifyMs, "ms")
        .write();
  }

  // ------------------------------------------------------------------ measuring

  record Percentiles(double p50, double p95) {}

  interface Sample {
    void run(int i);
  }

  /** Nearest-rank percentiles of the wall-clock times of {@code n} calls, in milliseconds. */
  static Percentiles measure(int n, Sample sample) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      sample.run(i);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return new Percentiles(ms[rank(n, 0.50)], ms[rank(n, 0.95)]);
  }

  private static int rank(int n, double p) {
    return Math.max(0, (int) Math.ceil(p * n) - 1);
  }

  private static void ok(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** The searches an auditor makes, in turn: a name, a unit's year, a status in a year, a decision, an appraiser, dates. */
  /** A dossier of the database the measured requests are about. */
  record Pick(String code, String unitCode, int year, String subjectName, Integer decisionSeq) {}

  private static String searchUrl(int i, Random random, List<String> names, List<Pick> picks) {
    Pick c = picks.get(random.nextInt(picks.size()));
    int year = FIRST_YEAR + random.nextInt(YEARS);
    return switch (i % 6) {
      case 0 -> "/api/dossiers/search?q=" + VietnameseText.fold(names.get(random.nextInt(names.size())))
          .split(" ", 2)[1];
      case 1 -> "/api/dossiers/search?unit=" + c.unitCode() + "&year=" + c.year() + "&sort=subjectName,asc";
      case 2 -> "/api/dossiers/search?year=" + year + "&status=AWARDED&page=3";
      case 3 -> "/api/dossiers/search?decisionNumber=" + (c.decisionSeq() == null ? 1 : c.decisionSeq()) + "/QĐ-UBND";
      case 4 -> "/api/dossiers/search?appraiser=appraiser&year=" + year;
      default -> "/api/dossiers/search?from=" + year + "-04-01&to=" + year + "-04-30";
    };
  }

  // ------------------------------------------------------------------ copies

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò",
      "Cầm", "Quàng", "Lường", "Hà", "Tòng", "Vì", "Mùa", "Giàng", "Sùng", "Thào"};
  private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "Quang", "Ngọc", "Xuân", "Thanh"};
  private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Lan", "Mai", "Nam", "Phương",
      "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến", "Hải", "Hiếu", "Khánh", "Long", "Nga", "Oanh"};

  private static List<HistoryCloner.Copy> copies(List<HistoryCloner.Template> templates, double[] mix, Random random,
      Map<String, Integer> codeSeq, Map<Integer, Integer> decisionSeq) {
    List<String> units = new ArrayList<>(List.of("sgddt", "syt", "ptohieu", "vpubnd"));
    for (int u = 1; units.size() < 50; u++) {
      units.add(String.format(Locale.ROOT, "dv%02d", u));
    }
    List<HistoryCloner.Copy> copies = new ArrayList<>(DOSSIERS);
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int n = 0; n < DOSSIERS; n++) {
      HistoryCloner.Template t = pick(templates, mix, random.nextDouble());
      String unit = units.get(random.nextInt(units.size()));
      int year = FIRST_YEAR + n % YEARS;
      int seq = codeSeq.merge(year + unit, 1, Integer::sum);
      String code = String.format(Locale.ROOT, "%d-%s-%04d", year, unit, seq);
      // the templates ran in March 2025: move each copy to its year, on some day of February to October
      long shift = Duration.ofDays(365L * (year - 2025) + (year - 2025) / 4 + random.nextInt(220) - 30).toMillis();
      String name;
      java.time.LocalDate born;
      String key;
      do { // awarded dossiers keep their subject's slot for the award and year: one subject, one dossier
        name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
            + GIVEN[random.nextInt(GIVEN.length)];
        born = java.time.LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
        key = SubjectKey.of(SubjectKind.INDIVIDUAL, name, born, unit);
      } while (!keys.add(key + "|" + year));
      boolean decided = t != templates.get(2) && t != templates.get(3);
      Integer decision = decided ? decisionSeq.merge(year, 1, Integer::sum) : null;
      copies.add(new HistoryCloner.Copy(n, t, code, unit, year, shift, name, VietnameseText.fold(name), born, key,
          decision));
    }
    return copies;
  }

  private static HistoryCloner.Template pick(List<HistoryCloner.Template> templates, double[] mix, double r) {
    double sum = 0;
    for (int i = 0; i < mix.length; i++) {
      sum += mix[i];
      if (r < sum) {
        return templates.get(i);
      }
    }
    return templates.get(templates.size() - 1);
  }

  // ------------------------------------------------------------------ templates

  private HistoryCloner.Template richTemplate() {
    TrailScenario.Run run = new TrailScenario(dossiers, runtime, tasks, management, identity, council, notices,
        decisions).run();
    return new HistoryCloner.Template(run.code(), run.processInstanceId());
  }

  private HistoryCloner.Template suddenAwardTemplate() {
    return drive(TestDossiers.individual("SUDDEN"), "SUDDEN", pi -> {
      appraise(pi, "VALID");
      day(3);
      complete(pi, "Task_Decide", "chairman", "chairman", Map.of("decisionOutcome", "APPROVE"));
    });
  }

  private HistoryCloner.Template rejectedTemplate() {
    return drive(TestDossiers.individual("ANNUAL"), "ANNUAL", pi -> appraise(pi, "REJECTED"));
  }

  private HistoryCloner.Template notPassedTemplate() {
    return drive(TestDossiers.individual("ANNUAL"), "ANNUAL", pi -> {
      appraise(pi, "VALID");
      day(12);
      runtime.createMessageCorrelation("CouncilResolution").processInstanceId(pi)
          .setVariable("councilPassed", false).setVariable("votesFor", 3).setVariable("votesAgainst", 6)
          .setVariable("votesAbsent", 0).setVariable("votesRequired", 5).setVariable("councilMembers", 9)
          .correlate();
    });
  }

  interface Steps {
    void run(String processInstanceId);
  }

  private HistoryCloner.Template drive(DossierRequest request, String kind, Steps steps) {
    try {
      ClockUtil.setCurrentTime(TrailScenario.at(2025, 3, 10, 8, 0));
      Dossier d = dossiers.create(request, TestDossiers.requiredUploads(kind), false, TestDossiers.OFFICER_SGDDT);
      String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult().getId();
      steps.run(pi);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).as("template finished").isZero();
      return new HistoryCloner.Template(d.code(), pi);
    } finally {
      ClockUtil.reset();
      identity.clearAuthentication();
    }
  }

  private void appraise(String pi, String outcome) {
    day(1);
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Appraise").singleResult();
    as("appraiser", "home-affairs", () -> tasks.claim(task.getId(), "appraiser"));
    day(2);
    Map<String, Object> variables = "VALID".equals(outcome)
        ? Map.of("appraisalOutcome", outcome, "appraisalSummary", "Hồ sơ hợp lệ.",
            "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật.")
        : Map.of("appraisalOutcome", outcome, "appraisalSummary", "Không đủ điều kiện.",
            "rejectionReason", "Chưa đủ 2 năm liên tục hoàn thành xuất sắc nhiệm vụ.");
    as("appraiser", "home-affairs", () -> tasks.complete(task.getId(), variables));
  }

  private void complete(String pi, String key, String user, String group, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    as(user, group, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    });
  }

  private static void day(int days) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L));
  }

  private void as(String user, String group, Runnable action) {
    identity.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
