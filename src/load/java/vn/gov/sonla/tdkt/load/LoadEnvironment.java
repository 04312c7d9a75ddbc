package vn.gov.sonla.tdkt.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.gov.sonla.tdkt.support.AppNode;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * The system under load for {@code ./mvnw -Pload verify}: the packaged application started as a separate JVM on the
 * local PostgreSQL database {@code tdkt_load} (kept between runs; {@code -Dload.fresh=true} starts it empty), with
 * the demo users, and a backlog of open dossiers waiting for appraisal ({@code -Dload.open-dossiers}, default 2,000,
 * submitted through the API as the units would, only what is missing from an earlier run).
 */
final class LoadEnvironment {

  static final String DATABASE = "tdkt_load";
  static final String[] OFFICERS = {"officer.sgddt", "officer.syt", "officer.ptohieu", "officer.vpubnd"};
  static final String PASSWORD = AppNode.DEMO_PASSWORD;

  private static LoadEnvironment started;

  private final AppNode node;

  private LoadEnvironment(AppNode node) {
    this.node = node;
  }

  static synchronized LoadEnvironment start() {
    if (started == null) {
      boolean fresh = Boolean.getBoolean("load.fresh");
      String url = fresh ? PostgresTestDatabase.url(DATABASE) : PostgresTestDatabase.kept(DATABASE);
      AppNode node = AppNode.onPostgres("load", "load", url)
          .property("spring.datasource.hikari.maximum-pool-size", System.getProperty("load.pool", "20"))
          .jvmOptions("-Xmx1g", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Ho_Chi_Minh");
      node.startAndAwaitUp(Duration.ofMinutes(5));
      started = new LoadEnvironment(node);
      started.ensureBacklog(Integer.getInteger("load.open-dossiers", 2000), url);
      Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "stop-load-node"));
    }
    return started;
  }

  String baseUrl() {
    return node.baseUrl();
  }

  void stop() {
    node.stop();
  }

  /** Submits open dossiers until the database holds {@code wanted} of them waiting in the pipeline. */
  private void ensureBacklog(int wanted, String url) {
    int open = countOpen(url);
    int missing = Math.max(0, wanted - open);
    System.out.printf("load: %d open dossiers in %s, submitting %d more%n", open, DATABASE, missing);
    if (missing == 0) {
      return;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger done = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < missing; i++) {
      String officer = OFFICERS[i % OFFICERS.length];
      futures.add(pool.submit(() -> {
        HttpResponse<String> answer;
        int tries = 0;
        do {
          // a 409 is the duplicate check meeting a generated person twice: another person then
          Dossiers.Request request = Dossiers.random(UUID.randomUUID().getLeastSignificantBits(), 300_000);
          HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/dossiers"))
              .header("Authorization", "Basic " + Base64.getEncoder()
                  .encodeToString((officer + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
              .header("Content-Type", "multipart/form-data; boundary=" + request.boundary())
              .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
              .build();
          answer = client.send(post, HttpResponse.BodyHandlers.ofString());
        } while (answer.statusCode() == 409 && ++tries < 5);
        if (answer.statusCode() != 201) {
          throw new IllegalStateException("seed submission answered " + answer.statusCode() + ": " + answer.body());
        }
        int n = done.incrementAndGet();
        if (n % 500 == 0) {
          System.out.printf("load: %d of %d submitted%n", n, missing);
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("seeding the backlog failed", e);
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
