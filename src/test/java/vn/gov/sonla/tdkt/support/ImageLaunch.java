package vn.gov.sonla.tdkt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application laid out and launched as {@code docker/Dockerfile} does, for tests that measure the start-up of
 * what production runs:
 *
 * <ol>
 *   <li>the jar extracted with Spring Boot's {@code -Djarmode=tools extract}: the application jar and its
 *       libraries in {@code lib/}, so that classes load from plain jars instead of jars nested in the jar;
 *   <li>a training run, {@code -XX:ArchiveClassesAtExit} with {@code -Dspring.context.exit=onRefresh} on the demo
 *       profile with an in-memory H2 database (the image is built without a database), which writes the class data
 *       sharing archive of every class the start-up loaded;
 *   <li>the launch: {@code -XX:SharedArchiveFile} and {@code -jar} on the extracted application jar.
 * </ol>
 *
 * Steps 1 and 2 are done once per build of the jar, under {@code target/app-image/}, and again when the jar changes.
 * A JVM that cannot use the archive (another Java, other class path) starts without it, as the image's would.
 */
public final class ImageLaunch {

  private static final Logger LOG = LoggerFactory.getLogger(ImageLaunch.class);
  /** The options of the Dockerfile's training run, after {@code java}. */
  static final List<String> TRAINING = List.of("-Dspring.context.exit=onRefresh");
  static final List<String> TRAINING_ARGUMENTS = List.of("--spring.profiles.active=demo",
      "--spring.datasource.url=jdbc:h2:mem:cds-training", "--server.port=0", "--spring.main.banner-mode=off");

  private final Path jar;
  private final Path archive;

  private ImageLaunch(Path jar, Path archive) {
    this.jar = jar;
    this.archive = archive;
  }

  /** The extracted application jar to launch with {@code -jar}. */
  public Path jar() {
    return jar;
  }

  /** What the image's entry point adds to the JVM options. */
  public List<String> jvmOptions() {
    return List.of("-XX:SharedArchiveFile=" + archive);
  }

  /** Extracts {@code bootJar} and trains the archive, unless done already for this very jar. */
  static synchronized ImageLaunch prepare(Path bootJar, String java) {
    Path dir = bootJar.toAbsolutePath().getParent().resolve("app-image");
    Path extracted = dir.resolve("app");
    Path archive = dir.resolve("app.jsa");
    Path stamp = dir.resolve("stamp");
    try {
      String expected = bootJar.toAbsolutePath() + " " + Files.size(bootJar) + " "
          + Files.getLastModifiedTime(bootJar).toMillis();
      Path appJar = extracted.resolve(bootJar.getFileName());
      if (Files.exists(stamp) && Files.readString(stamp).equals(expected) && Files.exists(archive)
          && Files.exists(appJar)) {
        return new ImageLaunch(appJar, archive);
      }
      deleteRecursively(dir);
      Files.createDirectories(dir);
      long begin = System.nanoTime();
      run(dir.resolve("extract.log"), dir, java, "-Djarmode=tools", "-jar", bootJar.toAbsolutePath().toString(),
          "extract", "--destination", extracted.toString());
      List<String> training = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive));
      training.addAll(TRAINING);
      training.add("-jar");
      training.add(appJar.toString());
      training.addAll(TRAINING_ARGUMENTS);
      // in its own directory, as the image's build runs it in /app
      run(dir.resolve("training.log"), extracted, training.toArray(String[]::new));
      if (!Files.exists(archive)) {
        throw new IllegalStateException("The training run wrote no archive: see " + dir.resolve("training.log"));
      }
      Files.writeString(stamp, expected);
      LOG.info("{} extracted and its class data sharing archive trained in {} s", bootJar.getFileName(),
          (System.nanoTime() - begin) / 1_000_000_000L);
      return new ImageLaunch(appJar, archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path log, Path workDir, String... command) throws IOException {
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("Timed out: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException(e);
    }
    if (p.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
