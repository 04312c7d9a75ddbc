package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sonla.tdkt.support.BenchReport;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * A register file of 10,000 rows (5,000 people, each with a title and a rating in two years) imported on
 * PostgreSQL: read, checked row by row, stored in JDBC batches in one transaction; then the same file again
 * (idempotent: nothing added). Target: 10,000 rows in under 10 s. {@code ./mvnw -Pbench verify}.
 */
// closed after the class: each benchmark fills a large database of its own, freed before the next one starts
@DirtiesContext
@SpringBootTest(properties = {"tdkt.demo-data=true", "spring.datasource.hikari.maximum-pool-size=5"})
@ActiveProfiles({"test", "postgres"})
class RegisterImportBenchmark {

  static final int ROWS = 10_000;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.url("tdkt_bench_import"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Autowired RegisterImportJobs jobs;
  @Autowired JdbcClient jdbc;

  static byte[] file() {
    StringBuilder csv = new StringBuilder("\uFEFF").append(RegisterApiScenarios.HEADER).append('\n');
    String[] family = {"Nguyễn", "Lò", "Quàng", "Cầm", "Hà", "Lường", "Vì", "Sùng", "Mùa", "Tòng"};
    String[] given = {"Văn An", "Thị Mai", "Văn Thắng", "Thị Hương", "Văn Đức", "Thị Ánh", "A Páo", "Thị Hằng"};
    for (int i = 0; i < ROWS; i++) {
      int person = i / 2;
      int year = 2023 + i % 2;
      LocalDate birth = LocalDate.of(1960 + person % 40, 1 + person % 12, 1 + person % 28);
      csv.append(i + 1).append(",Cá nhân,").append(family[person % family.length]).append(' ')
          .append(given[person % given.length]).append(' ').append(person).append(',')
          .append(String.format("%02d/%02d/%d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear()))
          .append(",,Chuyên viên,Phòng ").append(person % 50).append(",Trực tiếp lao động,").append(year)
          .append(',').append(person % 3 == 0 ? "Chiến sĩ thi đua cơ sở" : "Lao động tiên tiến")
          .append(",Thường xuyên,").append(100 + person % 900).append("/QĐ-SGDĐT,20/12/").append(year)
          .append(",Giám đốc Sở,").append(person % 4 == 0 ? "Hoàn thành xuất sắc nhiệm vụ" : "Hoàn thành tốt nhiệm vụ")
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tenThousandRowsImportOnPostgreSql() {
    byte[] file = file();
    RegisterImport.Importer who = new RegisterImport.Importer("appraiser", null, "sgddt");
    RegisterImportJobs.Job first = timed(jobs, file, who);
    long firstNanos = lastNanos;
    assertThat(first.status()).as(first.message()).isEqualTo("DONE");
    assertThat(first.awardsAdded()).isEqualTo(ROWS);
    assertThat(first.ratingsAdded()).isEqualTo(ROWS);
    assertThat(first.subjectsAdded()).isEqualTo(ROWS / 2);

    RegisterImportJobs.Job again = timed(jobs, file, who);
    long againNanos = lastNanos;
    assertThat(again.awardsAdded()).isZero();
    assertThat(again.rowsAlreadyPresent()).isEqualTo(ROWS);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM award_record").query(Long.class).single()).isEqualTo(ROWS);

    double seconds = firstNanos / 1e9;
    new BenchReport("register-import", ROWS + "-row CSV (5,000 people, titles and ratings) on PostgreSQL, one thread")
        .figure("first import, wall time", seconds, "s", "< 10 s")
        .figure("first import, rows per second", ROWS / seconds, "rows/s", ">= 1,000 rows/s")
        .figure("same file again (adds nothing), wall time", againNanos / 1e9, "s")
        .figure("file size", file.length / 1024.0, "KiB")
        .write();
  }

  private long lastNanos;

  private RegisterImportJobs.Job timed(RegisterImportJobs jobs, byte[] file, RegisterImport.Importer who) {
    String id = java.util.UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO award_import (id, file_name, file_sha256, unit_code, status, phase, rows_total, rows_done,"
            + " awards_added, ratings_added, rows_already_present, subjects_added, created_by, created_at)"
            + " VALUES (:id, 'bench.csv', :sha, 'sgddt', 'RUNNING', 'READING', 0, 0, 0, 0, 0, 0, 'appraiser', :now)")
        .param("id", id).param("sha", org.apache.commons.codec.digest.DigestUtils.sha256Hex(file))
        .param("now", java.time.OffsetDateTime.now()).update();
    long start = System.nanoTime();
    jobs.run(id, "bench.csv", file, org.apache.commons.codec.digest.DigestUtils.sha256Hex(file), who);
    lastNanos = System.nanoTime() - start;
    return jobs.find(id).orElseThrow();
  }

  static Set<String> none() {
    return Set.of();
  }
}
