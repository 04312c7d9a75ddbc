package vn.gov.sonla.tdkt.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 15, finding 7: in the default embedded profile acknowledged writes were lost when the JVM died, because
 * H2's MVStore commits to memory and writes to the file only after {@code WRITE_DELAY} (500 ms by default). The
 * database URL of {@code application.yaml} (its path moved to a temporary folder) is opened by a child JVM that
 * commits one row after another and prints each committed id; the child is killed with SIGKILL while it writes,
 * and every id it printed must be in the database afterwards. Three rounds, as a loss is a matter of timing.
 */
class H2DurabilityTest {

  @TempDir
  Path dir;

  @Test
  void everyCommitAcknowledgedByTheDefaultDatabaseSurvivesSigkill() throws Exception {
    String url = defaultUrl();
    assertThat(url).as("default URL of application.yaml").startsWith("jdbc:h2:file:./data/tdkt");
    for (int round = 0; round < 3; round++) {
      String here = url.replace("./data/tdkt", dir.resolve("round" + round).resolve("tdkt").toString());
      try (Connection db = DriverManager.getConnection(here, "sa", "")) {
        db.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(200))");
      }
      int acknowledged = writeAndKill(here);
      assertThat(acknowledged).as("rows committed before the kill").isGreaterThan(50);
      try (Connection db = DriverManager.getConnection(here, "sa", "");
          ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM t WHERE id <= " + acknowledged)) {
        rs.next();
        assertThat(rs.getInt(1)).as("acknowledged rows (ids 1..%d) after SIGKILL in round %d, URL %s", acknowledged,
            round, here).isEqualTo(acknowledged);
      }
    }
  }

  private static String defaultUrl() throws Exception {
    List<PropertySource<?>> documents = new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml"));
    return String.valueOf(documents.get(0).getProperty("spring.datasource.url"));
  }

  /** Runs {@link Writer} in a child JVM until it has committed a few hundred rows, kills it; the last id it printed. */
  private static int writeAndKill(String url) throws Exception {
    String java = ProcessHandle.current().info().command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url)
        .redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    int last = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.matches("\\d+")) {
          last = Integer.parseInt(line);
          if (last >= 400) {
            child.destroyForcibly(); // SIGKILL
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(last).as("child output: %s", lines.subList(0, Math.min(20, lines.size()))).isGreaterThan(0);
    return last;
  }

  /** The child: one committed row per transaction, its id printed once COMMIT has returned. */
  public static final class Writer {
    public static void main(String[] args) throws Exception {
      try (Connection db = DriverManager.getConnection(args[0], "sa", "")) {
        db.setAutoCommit(false);
        PreparedStatement insert = db.prepareStatement("INSERT INTO t VALUES (?, ?)");
        for (int id = 1; ; id++) {
          insert.setInt(1, id);
          insert.setString(2, "dossier " + id);
          insert.executeUpdate();
          db.commit();
          System.out.println(id);
          System.out.flush();
        }
      }
    }
  }
}
