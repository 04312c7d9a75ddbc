package vn.gov.sonla.tdkt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * Backup and restore as the README tells an operator: the application runs on PostgreSQL, holds dossiers with
 * documents and running processes; {@code docker/backup.sh} dumps the database with pg_dump while it runs; the
 * application stops, the database is lost (dropped) and created empty; {@code docker/restore.sh} restores the dump
 * with pg_restore; the application starts again on it and everything is back: the dossiers, their documents byte for
 * byte (SHA-256), the process instances and their open tasks, which can then be completed to the end.
 */
class BackupRestorePostgresTest {

  private static final String DATABASE = "tdkt_backup";

  @Test
  void aDumpRestoredIntoALostDatabaseBringsBackDossiersDocumentsAndProcesses() throws Exception {
    Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"),
        "pg_dump and pg_restore (PostgreSQL client tools) are not installed: backup and restore not tested");
    String url = PostgresTestDatabase.url(DATABASE);
    String database = url.substring(url.lastIndexOf('/') + 1);
    Path dump = Paths.get("target", "backup", database + ".dump").toAbsolutePath();
    Files.createDirectories(dump.getParent());
    Files.deleteIfExists(dump);

    List<String> codes = new ArrayList<>();
    Map<String, Map<String, String>> sha = new HashMap<>();
    String awardedBefore;
    try (ConfigurableApplicationContext app = PostgresApp.start(url)) {
      Api api = api(app);
      for (int i = 0; i < 3; i++) {
        byte[] letter = TestDossiers.pdf("Tờ trình số " + i + " — sao lưu");
        byte[] summary = TestDossiers.pdf("Tóm tắt thành tích " + i);
        String code = submit(api, i, letter, summary);
        codes.add(code);
        sha.put(code, Map.of("PROPOSAL_LETTER", DossierService.sha256(letter),
            "ACHIEVEMENT_SUMMARY", DossierService.sha256(summary)));
      }
      // one dossier ends before the backup, the others wait at the appraisal and at the decision
      api.appraiseValid(codes.get(0));
      awaitTask(api, "chairman", codes.get(0));
      api.chairmanApproves(codes.get(0));
      await().atMost(Duration.ofMinutes(2)).until(() -> status(api, codes.get(0)).equals("AWARDED"));
      api.appraiseValid(codes.get(1));
      awaitTask(api, "chairman", codes.get(1));
      awardedBefore = status(api, codes.get(0));

      // the backup is taken while the application runs (pg_dump reads one consistent snapshot)
      run(Map.of("PGDATABASE", database), "docker/backup.sh", dump.toString());
    }
    assertThat(dump).isNotEmptyFile();

    // the database is lost, then created again empty
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PostgresTestDatabase.HOST
        + "/postgres", "postgres", ""); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE " + database + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
    }
    run(Map.of("PGDATABASE", database), "docker/restore.sh", dump.toString());

    try (ConfigurableApplicationContext app = PostgresApp.start(url)) {
      Api api = api(app);
      assertThat(status(api, codes.get(0))).isEqualTo(awardedBefore).isEqualTo("AWARDED");
      for (String code : codes) {
        JsonNode dossier = api.get("officer.sgddt", "/api/dossiers/" + code).getBody();
        Map<String, String> downloaded = new HashMap<>();
        for (JsonNode doc : dossier.get("documents")) {
          ResponseEntity<byte[]> bytes = api.as("officer.sgddt").getForEntity(doc.get("url").asText(), byte[].class);
          assertThat(bytes.getStatusCode()).isEqualTo(HttpStatus.OK);
          downloaded.put(doc.get("type").asText(), DossierService.sha256(bytes.getBody()));
        }
        assertThat(downloaded).as("documents of %s", code).isEqualTo(sha.get(code));
      }
      // the running processes are back where they were, and go on to their end
      assertThat(api.task("appraiser", codes.get(2)).get("taskDefinitionKey").asText()).isEqualTo("Task_Appraise");
      assertThat(api.task("chairman", codes.get(1)).get("taskDefinitionKey").asText()).isEqualTo("Task_Decide");
      api.chairmanApproves(codes.get(1));
      api.appraiseValid(codes.get(2));
      awaitTask(api, "chairman", codes.get(2));
      api.chairmanApproves(codes.get(2));
      for (String code : codes) {
        await().atMost(Duration.ofMinutes(2)).until(() -> status(api, code).equals("AWARDED"));
      }
      // a new dossier after the restore continues the numbering
      String next = submit(api, 3, TestDossiers.pdf("Tờ trình sau khôi phục"), TestDossiers.pdf("Tóm tắt"));
      assertThat(next).isNotIn(codes);
      JsonNode audit = api.get("auditor", "/api/audit/verify").getBody();
      assertThat(audit.get("ok").asBoolean()).as("audit chain after the restore: %s", audit).isTrue();
    }
  }

  private static Api api(ConfigurableApplicationContext app) {
    return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(PostgresApp.baseUrl(app))));
  }

  private static String submit(Api api, int i, byte[] letter, byte[] summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("awardType", "BK_TINH");
    json.put("awardKind", "SUDDEN");
    json.put("year", LocalDate.now().getYear());
    json.put("subjectKind", "INDIVIDUAL");
    json.put("subjectRole", "DIRECT_WORKER");
    json.put("subjectName", "Nguyễn Văn Sao Lưu " + i);
    json.put("birthDate", "1988-06-15");
    json.put("position", "Cán bộ");
    json.put("workUnit", "Đội cứu hộ");
    json.put("achievements", "Tham gia cứu hộ người dân trong lũ quét.");
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", json, List.of(
        new Api.FilePart("PROPOSAL_LETTER", "to-trinh-" + i + ".pdf", "application/pdf", letter),
        new Api.FilePart("ACHIEVEMENT_SUMMARY", "tom-tat-" + i + ".pdf", "application/pdf", summary)), false);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  private static String status(Api api, String code) {
    return api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText();
  }

  private static void awaitTask(Api api, String user, String code) {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> api.task(user, code) != null);
  }

  /** Runs one of the operator's scripts as the README shows, with libpq's environment variables. */
  private static void run(Map<String, String> env, String script, String file) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", script, file).redirectErrorStream(true);
    String[] host = PostgresTestDatabase.HOST.split(":");
    builder.environment().put("PGHOST", host[0]);
    builder.environment().put("PGPORT", host.length > 1 ? host[1] : "5432");
    builder.environment().put("PGUSER", "postgres");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", script).isTrue();
    assertThat(process.exitValue()).as("%s exit status; output:%n%s", script, output).isZero();
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Paths.get(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
