package vn.gov.sonla.tdkt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
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
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.BenchReport;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * The auditor's reports on years of dossiers ({@code ./mvnw -Pbench -Dit.test=ReportBenchmark verify}, issue 20):
 * a PostgreSQL database of its own filled by set-based SQL ({@code generate_series}) with 100,000 dossiers across 50
 * units and ten years ({@code -Dtdkt.bench.report.dossiers=} to change), their rows of the read model
 * {@code step_time} in the proportions of the real pipeline (the audit benchmark's mix of four kinds of dossier: 40 %
 * through supplement, council, notice with an objection and batch decision, 7 steps; 30 % sudden awards decided
 * singly, 2; 15 % rejected at appraisal, 1; 15 % not passed by the council, 2; about 3.9 step rows per dossier and one
 * row for the whole dossier) and the award register's entries of the awarded ones; ANALYZE; then, over HTTP as the
 * auditor, 20 warm-up calls and 200 samples each of {@code GET /api/reports?year=Y} and {@code GET /api/reports}.
 * The engine's history holds nothing of these dossiers: the reports must not need it.
 */
// closed after the class: the benchmark's database is its own
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.test.context=report-benchmark", "tdkt.demo-data=true", "DB_USER=postgres", "DB_PASSWORD=",
        "spring.datasource.hikari.maximum-pool-size=8"})
@ActiveProfiles({"test", "postgres"})
class ReportBenchmark {

  static final int DOSSIERS = Integer.getInteger("tdkt.bench.report.dossiers", 100_000);
  static final int SAMPLES = Integer.getInteger("tdkt.bench.report.samples", 200);
  static final int WARM_UP = 20;
  static final int FIRST_YEAR = 2016;
  static final int YEARS = 10;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.url("tdkt_bench_report"));
  }

  @Test
  void reportsOnYearsOfDossiers() {
    long fillStart = System.nanoTime();
    fill();
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    long dossiers = jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
    long stepRows = jdbc.queryForObject("SELECT COUNT(*) FROM step_time WHERE activity_type <> 'process'", Long.class);
    long awards = jdbc.queryForObject("SELECT COUNT(*) FROM award_record", Long.class);
    assertThat(dossiers).isGreaterThanOrEqualTo(DOSSIERS);

    Api api = new Api(rest);
    int year = FIRST_YEAR + YEARS / 2;
    ResponseEntity<JsonNode> one = api.get("auditor", "/api/reports?year=" + year);
    ok(one);
    long appraisals = one.getBody().at("/processing/steps/0/all/count").asLong();
    assertThat(appraisals).as("the year's appraisals come from the read model").isGreaterThan(DOSSIERS / YEARS / 2);
    for (int i = 0; i < WARM_UP; i++) {
      ok(api.get("auditor", "/api/reports?year=" + (FIRST_YEAR + i % YEARS)));
      ok(api.get("auditor", "/api/reports"));
    }
    double[] reportYear = measure(SAMPLES, i -> ok(api.get("auditor", "/api/reports?year=" + (FIRST_YEAR + i % YEARS))));
    double[] reportAll = measure(SAMPLES, i -> ok(api.get("auditor", "/api/reports")));

    new BenchReport("report", String.format(Locale.ROOT, "%,d dossiers, %,d step rows (%,d per year), %,d awards on"
        + " PostgreSQL, filled by SQL; %d samples each after %d warm-up calls, HTTP as the auditor", dossiers, stepRows,
        stepRows / YEARS, awards, SAMPLES, WARM_UP))
        .figure("fill time", fillSeconds, "s")
        .figure("reports (one year) p50", reportYear[0], "ms")
        .figure("reports (one year) p95", reportYear[1], "ms", "< 1000 ms")
        .figure("reports (all years) p50", reportAll[0], "ms")
        .figure("reports (all years) p95", reportAll[1], "ms", "< 1000 ms")
        .write();
  }

  /**
   * Dossiers, their step rows and awards, set-based. Dossier n: year {@code FIRST_YEAR + n % YEARS}, unit
   * {@code n / YEARS % 50} (the demo's units and dv01…), kind of dossier {@code n % 20} (0–7 full pipeline, 8–13
   * sudden, 14–16 rejected, 17–19 not passed); started some day of February to October of its year.
   */
  private void fill() {
    jdbc.execute("CREATE TEMPORARY TABLE bench_units (i INTEGER PRIMARY KEY, code VARCHAR(40))");
    jdbc.update("INSERT INTO bench_units SELECT 0, 'sgddt' UNION ALL SELECT 1, 'syt' UNION ALL SELECT 2, 'ptohieu'"
        + " UNION ALL SELECT 3, 'vpubnd' UNION ALL SELECT g, 'dv' || lpad(CAST(g - 3 AS VARCHAR), 2, '0')"
        + " FROM generate_series(4, 49) g");
    jdbc.execute("CREATE TEMPORARY TABLE bench_dossier AS SELECT n, " + FIRST_YEAR + " + n % " + YEARS + " AS y,"
        + " u.code AS unit, n % 20 AS kind,"
        + " make_timestamp(" + FIRST_YEAR + " + n % " + YEARS + ", 2, 1, 8, 0, 0)"
        + "   + (hashint4(n) & 255) % 240 * INTERVAL '1 day' AS t0"
        + " FROM generate_series(1, " + DOSSIERS + ") n JOIN bench_units u ON u.i = n / " + YEARS + " % 50");
    jdbc.update("INSERT INTO dossier (code, unit_code, award_type, award_kind, award_year, subject_kind, subject_name,"
        + " subject_key, subject_search, status, process_instance_id, created_by, created_at, submitted_at, updated_at)"
        + " SELECT b.y || '-' || b.unit || '-b' || lpad(CAST(b.n AS VARCHAR), 6, '0'),"
        + " b.unit, CASE WHEN b.kind BETWEEN 8 AND 13 THEN 'BK_TINH' ELSE 'CSTD_TINH' END,"
        + " CASE WHEN b.kind BETWEEN 8 AND 13 THEN 'SUDDEN' ELSE 'ANNUAL' END, b.y, 'INDIVIDUAL',"
        + " 'Người ' || b.n, 'bench-' || b.n, 'nguoi ' || b.n,"
        + " CASE WHEN b.kind < 14 THEN 'AWARDED' WHEN b.kind < 17 THEN 'RETURNED' ELSE 'NOT_AWARDED' END,"
        + " 'bench-pi-' || b.n, 'officer.' || b.unit, b.t0, b.t0, b.t0 + INTERVAL '60 days' FROM bench_dossier b");
    // the steps of each kind of dossier: (kind range, activity, order, mean hours, task due in working hours or null)
    jdbc.execute("CREATE TEMPORARY TABLE bench_step (k_from INTEGER, k_to INTEGER, activity VARCHAR(64),"
        + " name VARCHAR(255), type VARCHAR(64), ord INTEGER, hours INTEGER, due_hours INTEGER)");
    jdbc.update("INSERT INTO bench_step VALUES"
        + " (0, 19, 'Task_Appraise', 'Thẩm định hồ sơ', 'userTask', 1, 120, 336),"
        + " (0, 7, 'Task_Supplement', 'Bổ sung hồ sơ', 'userTask', 2, 72, 168),"
        + " (0, 7, 'Task_Appraise', 'Thẩm định hồ sơ', 'userTask', 3, 48, 336),"
        + " (0, 7, 'Event_AwaitCouncilResolution', 'Chờ nghị quyết của Hội đồng', 'intermediateMessageCatch', 4, 400, NULL),"
        + " (17, 19, 'Event_AwaitCouncilResolution', 'Chờ nghị quyết của Hội đồng', 'intermediateMessageCatch', 4, 400, NULL),"
        + " (0, 7, 'Sub_PublicNotice', 'Công khai lấy ý kiến', 'subProcess', 5, 336, NULL),"
        + " (0, 7, 'Task_VerifyObjection', 'Xác minh ý kiến phản ánh', 'userTask', 6, 77, NULL),"
        + " (0, 7, 'Event_AwaitDecisionBatch', 'Chờ quyết định theo đợt', 'intermediateMessageCatch', 7, 120, NULL),"
        + " (8, 13, 'Task_Decide', 'Quyết định khen thưởng', 'userTask', 2, 48, NULL)");
    jdbc.update("INSERT INTO step_time (activity_instance_id, dossier_code, process_instance_id, activity_id,"
        + " activity_name, activity_type, unit_code, award_year, task_id, assignee, started_at, ended_at, duration_ms,"
        + " due_at, late)"
        + " SELECT x.activity || ':bench-' || x.n || '-' || x.ord, x.code, 'bench-pi-' || x.n, x.activity, x.name,"
        + " x.type, x.unit, x.y, CASE WHEN x.type = 'userTask' THEN 'bench-task-' || x.n || '-' || x.ord END,"
        + " CASE WHEN x.activity = 'Task_Appraise' THEN 'appraiser' || (x.n % 4) END,"
        + " x.started, x.started + x.ms * INTERVAL '1 millisecond', x.ms,"
        + " CASE WHEN x.due_hours IS NOT NULL THEN x.started + x.due_hours * INTERVAL '1 hour' END,"
        + " x.due_hours IS NOT NULL AND x.ms > x.due_hours * 3600000"
        + " FROM (SELECT b.n, b.y, b.unit, b.y || '-' || b.unit || '-b' || lpad(CAST(b.n AS VARCHAR), 6, '0') AS code,"
        + "   s.activity, s.name, s.type, s.ord, s.due_hours, b.t0 + s.ord * INTERVAL '10 days' AS started,"
        + "   CAST(s.hours * 3600000 * (0.3 + ((hashint4(b.n * 16 + s.ord) & 1023) / 1023.0) * 1.4) AS BIGINT) AS ms"
        + "   FROM bench_dossier b JOIN bench_step s ON b.kind BETWEEN s.k_from AND s.k_to) x");
    jdbc.update("INSERT INTO step_time (activity_instance_id, dossier_code, process_instance_id, activity_id,"
        + " activity_type, unit_code, award_year, started_at, ended_at, duration_ms, late)"
        + " SELECT 'bench-pi-' || b.n, b.y || '-' || b.unit || '-b' || lpad(CAST(b.n AS VARCHAR), 6, '0'),"
        + " 'bench-pi-' || b.n, 'commendation-dossier', 'process', b.unit, b.y, b.t0,"
        + " b.t0 + (20 + (hashint4(b.n) & 63)) * INTERVAL '1 day', CAST(20 + (hashint4(b.n) & 63) AS BIGINT) * 86400000, FALSE"
        + " FROM bench_dossier b");
    jdbc.update("INSERT INTO award_record (id, subject_kind, subject_name, subject_key, award_type, award_kind,"
        + " award_year, decision_number, decision_date, decided_by, source, dossier_code, subject_role)"
        + " SELECT 'bench-award-' || b.n, 'INDIVIDUAL', 'Người ' || b.n, 'bench-' || b.n,"
        + " CASE WHEN b.kind BETWEEN 8 AND 13 THEN 'BK_TINH' ELSE 'CSTD_TINH' END,"
        + " CASE WHEN b.kind BETWEEN 8 AND 13 THEN 'SUDDEN' ELSE 'ANNUAL' END, b.y, (b.n % 900 + 1) || '/QĐ-UBND',"
        + " CAST(b.t0 + INTERVAL '60 days' AS DATE), 'Chủ tịch UBND tỉnh', 'PIPELINE',"
        + " b.y || '-' || b.unit || '-b' || lpad(CAST(b.n AS VARCHAR), 6, '0'),"
        + " CASE WHEN b.n % 3 = 0 THEN 'DIRECT_WORKER' END FROM bench_dossier b WHERE b.kind < 14");
    jdbc.execute("ANALYZE");
  }

  interface Sample {
    void run(int i);
  }

  /** Nearest-rank 50th and 95th percentiles of the wall-clock times of {@code n} calls, in milliseconds. */
  static double[] measure(int n, Sample sample) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      sample.run(i);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[Math.max(0, (int) Math.ceil(0.50 * n) - 1)], ms[Math.max(0, (int) Math.ceil(0.95 * n) - 1)]};
  }

  private static void ok(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
