package vn.gov.sonla.tdkt.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * One node of the application: the packaged jar ({@code target/*.jar}, built by spring-boot:repackage before
 * failsafe runs the {@code *IT} classes) started as a separate JVM on 127.0.0.1 with properties on its command
 * line, as an operator would start it. The node keeps its port across restarts, so that clients reach it again
 * at the same address; each start's output goes to {@code target/it-nodes/<test>/<node>-<n>.log}.
 */
public final class AppNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AppNode.class);
  /** The demo users' password ({@code tdkt.demo-data=true}); the admin is the demo {@code admin}. */
  public static final String DEMO_PASSWORD = "demo";

  private final String name;
  private final int port;
  private final Path logDir;
  private final Map<String, String> properties = new LinkedHashMap<>();
  /**
   * A test node lives for minutes on a shared 2-core machine: the client compiler only and the serial collector
   * spend less CPU on start-up than the server defaults, which pay off only for long-running services.
   */
  private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
      "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Ho_Chi_Minh"));
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private Process process;
  private Path log;
  private int starts;
  /** Launched as the Docker image launches it (extracted jar and class data sharing archive), or null: the jar. */
  private ImageLaunch imageLaunch;

  private AppNode(String name, String testName) {
    this.name = name;
    this.port = freePort();
    this.logDir = Paths.get(System.getProperty("tdkt.it.logs", "target/it-nodes")).resolve(testName);
    Runtime.getRuntime().addShutdownHook(new Thread(this::killQuietly, "kill-" + name));
  }

  /**
   * A node on the local PostgreSQL database {@code url} (from {@link PostgresTestDatabase#url(String)}): profile
   * {@code postgres}, the demo units and users switched on for the scenarios (password {@code demo}), an admin
   * password and the citizen ID key given as the environment would give them, at most 8 database connections, its own engine host name
   * (shown in the engine's job log) and its name as the PostgreSQL application name.
   */
  public static AppNode onPostgres(String name, String testName, String databaseUrl) {
    AppNode node = new AppNode(name, testName);
    return node
        .property("spring.profiles.active", "postgres")
        .property("server.port", String.valueOf(node.port))
        .property("server.address", "127.0.0.1")
        .property("spring.datasource.url", databaseUrl + "?ApplicationName=tdkt-" + name)
        .property("spring.datasource.username", "postgres")
        .property("spring.datasource.password", "")
        .property("spring.datasource.hikari.maximum-pool-size", "8")
        .property("tdkt.demo-data", "true")
        .property("tdkt.admin.password", "admin-" + name)
        // the same secret on every node: citizen ID hashes written by one node must match on the others
        .property("tdkt.subjects.citizen-id-key", "it-citizen-id-key")
        .property("camunda.bpm.generic-properties.properties.hostname", name)
        .property("spring.main.banner-mode", "off")
        // readiness turns UP once the application is ready (after its start-up runners: users, filters)
        .property("management.endpoint.health.probes.enabled", "true");
  }

  /**
   * A node on the default profile ({@code demo}) with its embedded H2 file database: the URL of
   * {@code application.yaml} with only its path moved to {@code directory}, so that the default database options
   * (such as {@code WRITE_DELAY}) are the ones under test. The database can be opened by the test only while the
   * node is stopped (H2 locks its file).
   */
  public static AppNode onDefaultH2(String name, String testName, Path directory) {
    AppNode node = new AppNode(name, testName);
    return node
        .property("server.port", String.valueOf(node.port))
        .property("server.address", "127.0.0.1")
        .property("spring.datasource.url", defaultH2Url(directory))
        .property("camunda.bpm.generic-properties.properties.hostname", name)
        .property("spring.main.banner-mode", "off")
        .property("management.endpoint.health.probes.enabled", "true");
  }

  /** The default profile's database URL ({@code application.yaml}) with its file under {@code directory}. */
  public static String defaultH2Url(Path directory) {
    try {
      Object url = new org.springframework.boot.env.YamlPropertySourceLoader()
          .load("application", new org.springframework.core.io.ClassPathResource("application.yaml")).get(0)
          .getProperty("spring.datasource.url");
      String text = String.valueOf(url);
      if (!text.startsWith("jdbc:h2:file:./data/tdkt")) {
        throw new IllegalStateException("Unexpected default database URL: " + text);
      }
      return text.replace("./data/tdkt", directory.toAbsolutePath().resolve("tdkt").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces the JVM options (by default those of a short-lived test node, above), e.g. to measure start-up and
   * heap with the JVM's own choice of compiler and collector.
   */
  public AppNode jvmOptions(String... options) {
    jvmOptions.clear();
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /**
   * Launches the application as {@code docker/Dockerfile} does: the jar extracted (the application jar and
   * {@code lib/}) and the class data sharing archive of a training run ({@code -XX:SharedArchiveFile}), both made
   * once per build of the jar under {@code target/app-image/} by {@link ImageLaunch} (here, before any start is
   * timed). The JVM options stay this node's.
   */
  public AppNode launchedAsInTheImage() {
    imageLaunch = ImageLaunch.prepare(jar(), javaExecutable());
    return this;
  }

  public AppNode property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The PostgreSQL application name of this node's connections ({@code pg_stat_activity.application_name}). */
  public String applicationName() {
    return "tdkt-" + name;
  }

  public Path log() {
    return log;
  }

  public synchronized long pid() {
    return process.pid();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Launches the JVM (returns at once; {@link #awaitUp} waits for it). */
  public synchronized AppNode start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    starts++;
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    if (imageLaunch != null) {
      command.addAll(imageLaunch.jvmOptions());
      command.add("-jar");
      command.add(imageLaunch.jar().toString());
    } else {
      command.add("-jar");
      command.add(jar().toString());
    }
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    try {
      Files.createDirectories(logDir);
      log = logDir.resolve(name + "-" + starts + ".log");
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
    LOG.info("{} (start {}) launched, pid {}, {}; log {}", name, starts, process.pid(), baseUrl(), log);
    return this;
  }

  /** Waits until {@code /actuator/health} answers UP; fails at once, with the end of the log, if the JVM exits. */
  public AppNode awaitUp(Duration timeout) {
    long begin = System.nanoTime();
    try {
      await().alias(name + " up (" + log + ")")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> {
            if (!isAlive()) {
              throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n"
                  + tail(80));
            }
            return healthy();
          });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException(name + " not up within " + timeout + ":\n" + tail(80), e);
    }
    LOG.info("{} up after {} s", name, (System.nanoTime() - begin) / 1_000_000_000.0);
    return this;
  }

  public AppNode startAndAwaitUp(Duration timeout) {
    return start().awaitUp(timeout);
  }

  /**
   * {@code /actuator/health} answers UP (database, engine, job executor), and so does its readiness group, which
   * turns UP only when the application is ready to serve (its start-up runners done).
   */
  public boolean healthy() {
    return up("/actuator/health") && up("/actuator/health/readiness");
  }

  private boolean up(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Kills the JVM with SIGKILL, as a machine that dies would end it: no shutdown hook, no graceful shutdown,
   * open transactions cut off ({@link Process#destroyForcibly()} sends SIGKILL on Linux; the exit status 137 =
   * 128 + 9 proves it).
   */
  public synchronized int kill() {
    process.destroyForcibly();
    int exit = waitForExit(Duration.ofSeconds(30));
    LOG.info("{} killed (pid {}, exit {})", name, process.pid(), exit);
    return exit;
  }

  /** Stops the JVM gracefully (SIGTERM), forcibly after a minute. */
  public synchronized void stop() {
    if (!isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private int waitForExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " did not exit within " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void killQuietly() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
    }
  }

  /** HTTP to this node (no exception on 4xx/5xx; I/O errors, e.g. a dead node, throw ResourceAccessException). */
  public TestRestTemplate rest() {
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(Duration.ofSeconds(120));
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl()).requestFactory(() -> factory));
  }

  /** The tests' API calls against this node, as the demo users. */
  public Api api() {
    return Api.remote(rest());
  }

  /** The last lines of the current log, for failure messages. */
  public String tail(int lines) {
    if (log == null || !Files.exists(log)) {
      return "(no log)";
    }
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** The same Java as the test's. */
  static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The executable jar: system property {@code tdkt.app.jar} (set by failsafe to the build's final name), else the
   * one jar in {@code target/} that Spring Boot repackaged (it has {@code BOOT-INF/}).
   */
  public static Path jar() {
    String configured = System.getProperty("tdkt.app.jar");
    if (configured != null && Files.isRegularFile(Paths.get(configured))) {
      return Paths.get(configured).toAbsolutePath();
    }
    try (Stream<Path> files = Files.list(Paths.get("target"))) {
      List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).filter(AppNode::isBootJar)
          .toList();
      if (jars.size() != 1) {
        throw new IllegalStateException("Expected one executable jar in target/ (run the tests with ./mvnw verify,"
            + " which packages it first), found " + jars + (configured == null ? "" : "; tdkt.app.jar=" + configured));
      }
      return jars.get(0).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("No target/ directory: run ./mvnw verify", e);
    }
  }

  private static boolean isBootJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
