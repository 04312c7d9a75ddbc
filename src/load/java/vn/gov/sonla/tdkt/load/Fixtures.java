package vn.gov.sonla.tdkt.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the load set-up prepared for the council members and the Chairman (open council sessions and their
 * agendas, decision batches), written by the first simulation of a Maven build and read by the other, so that the
 * real run and the skeleton anchor vote the same sessions and decide the same batches (each on its own database).
 * The file ({@code -Dload.fixtures}) counts only for the build that wrote it ({@code -Dload.run}, the build's
 * timestamp, set by the pom).
 */
record Fixtures(String run, List<LoadEnvironment.Ballots> ballots, List<String> batches) {

  static final String RUN = System.getProperty("load.run", "");
  private static final Path FILE = Path.of(System.getProperty("load.fixtures", "target/load-fixtures.json"));
  private static final ObjectMapper JSON = new ObjectMapper();

  Fixtures {
    ballots = List.copyOf(ballots);
    batches = List.copyOf(batches);
  }

  /** This build's fixtures, or null: none yet (this is the build's first simulation), or no build id given. */
  static Fixtures read() {
    if (RUN.isEmpty() || !Files.exists(FILE)) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(FILE.toFile());
      if (!RUN.equals(root.path("run").asText())) {
        return null;
      }
      List<LoadEnvironment.Ballots> ballots = new ArrayList<>();
      root.path("ballots").forEach(b -> {
        List<String> codes = new ArrayList<>();
        b.path("codes").forEach(c -> codes.add(c.asText()));
        ballots.add(new LoadEnvironment.Ballots(b.path("session").asText(), codes));
      });
      List<String> batches = new ArrayList<>();
      root.path("batches").forEach(b -> batches.add(b.asText()));
      return new Fixtures(RUN, ballots, batches);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write() {
    try {
      Files.createDirectories(FILE.toAbsolutePath().getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(FILE.toFile(), Map.of("run", run,
          "ballots", ballots.stream().map(b -> Map.of("session", b.session(), "codes", b.codes())).toList(),
          "batches", batches));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
