package vn.gov.sonla.tdkt.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures of one benchmark ({@code ./mvnw -Pbench verify}): printed as a table when the benchmark ends and
 * merged into {@code target/bench/results.json} under the benchmark's name, next to the other benchmarks'
 * figures of the same run. A figure is a measurement, never an assertion: targets are printed beside it.
 *
 * <pre>
 * BenchReport report = new BenchReport("audit-trail", "100,000 completed dossiers on PostgreSQL");
 * report.figure("trail p95", 42.0, "ms", "&lt; 100 ms");
 * report.write();
 * </pre>
 */
public final class BenchReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String name;
  private final String setting;
  private final List<Figure> figures = new ArrayList<>();

  public BenchReport(String name, String setting) {
    this.name = name;
    this.setting = setting;
  }

  /** One figure; {@code target} is free text such as "&lt; 100 ms", or null. */
  public BenchReport figure(String figure, double value, String unit, String target) {
    figures.add(new Figure(figure, value, unit, target));
    return this;
  }

  public BenchReport figure(String figure, double value, String unit) {
    return figure(figure, value, unit, null);
  }

  /** Prints the table and merges the figures into results.json. */
  public synchronized void write() {
    System.out.println(table());
    Path dir = Path.of(System.getProperty("tdkt.bench.dir", "target/bench"));
    Path file = dir.resolve("results.json");
    try {
      Files.createDirectories(dir);
      ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
      ObjectNode benchmarks = root.has("benchmarks") ? (ObjectNode) root.get("benchmarks") : root.putObject("benchmarks");
      ObjectNode entry = benchmarks.putObject(name);
      entry.put("setting", setting);
      entry.put("measuredAt", OffsetDateTime.now().toString());
      entry.put("processors", Runtime.getRuntime().availableProcessors());
      entry.put("jvm", ManagementFactory.getRuntimeMXBean().getVmVersion());
      ArrayNode list = entry.putArray("figures");
      for (Figure f : figures) {
        ObjectNode node = list.addObject();
        node.put("figure", f.figure());
        node.put("value", f.value());
        node.put("unit", f.unit());
        if (f.target() != null) {
          node.put("target", f.target());
        }
      }
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** The figures as a fixed-width text table. */
  public String table() {
    int width = Math.max(30, figures.stream().mapToInt(f -> f.figure().length()).max().orElse(0));
    StringBuilder out = new StringBuilder();
    out.append("\n== Benchmark ").append(name).append(": ").append(setting).append(" ==\n");
    out.append(String.format(Locale.ROOT, "%-" + width + "s %14s  %-8s %s%n", "figure", "value", "unit", "target"));
    for (Figure f : figures) {
      out.append(String.format(Locale.ROOT, "%-" + width + "s %14s  %-8s %s%n", f.figure(), format(f.value()), f.unit(),
          f.target() == null ? "" : f.target()));
    }
    return out.toString();
  }

  /** The figures read back from results.json (for tests of the report itself). */
  public static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e12
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.2f", value);
  }

  private record Figure(String figure, double value, String unit, String target) {}
}
