package vn.gov.sonla.tdkt.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by {@code ./mvnw -Pload verify} after both Gatling runs (exec-maven-plugin, phase {@code verify}): reads the
 * runs of this build ({@code lastRun.txt} of the Gatling plugin: {@code deadlinedaysimulation-*}, the real model,
 * and {@code deadlinedayskeletonsimulation-*}, the skeleton anchor), prints per request the p95 of both beside
 * issue 20's target ({@link Targets}) with their ratio, the requests, failures and throughput, and writes the table
 * to {@code anchor-comparison.md} in the results folder. Fails the build, as the Gatling assertions did before the
 * anchor, when the real run misses a target or has a failed request, when the anchor has a failed request (it would
 * not be doing the same work), or when a run of the build is missing (the anchor may be, with
 * {@code -Dload.anchor=false}). The anchor's own misses are shown, not failed
 * on: it is the reference, not the application.
 */
public final class AnchorComparison {

  private static final Pattern REQUEST = Pattern.compile("\"name\": \"((?:[^\"\\\\]|\\\\.)*)\",\\s*"
      + "\"numberOfRequests\": \\{\\s*\"total\": \"?([-\\d]+)\"?,\\s*\"ok\": \"?([-\\d]+)\"?,\\s*\"ko\": \"?([-\\d]+)\"?");
  private static final Pattern P95 = Pattern.compile("\"percentiles3\": \\{\\s*\"total\": \"?([-\\d]+)\"?");
  private static final Pattern RATE =
      Pattern.compile("\"meanNumberOfRequestsPerSecond\": \\{\\s*\"total\": \"?([-\\d.]+)\"?");

  record Stats(long total, long ko, long p95, String rate) {}

  private AnchorComparison() {}

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
    Path lastRun = results.resolve("lastRun.txt");
    if (!Files.exists(lastRun)) {
      throw new IllegalStateException("no Gatling run in this build: " + lastRun + " is missing");
    }
    Path real = null;
    Path anchor = null;
    List<String> errors = new ArrayList<>();
    for (String line : Files.readAllLines(lastRun, StandardCharsets.UTF_8)) {
      if (line.startsWith("deadlinedayskeletonsimulation-")) {
        anchor = results.resolve(line.strip());
      } else if (line.startsWith("deadlinedaysimulation-")) {
        real = results.resolve(line.strip());
      } else if (!line.isBlank()) {
        errors.add("Gatling: " + line.strip());
      }
    }
    Map<String, Stats> realStats = real == null ? Map.of() : read(real);
    Map<String, Stats> anchorStats = anchor == null ? Map.of() : read(anchor);

    StringBuilder out = new StringBuilder();
    out.append("Deadline day: the real model (").append(real == null ? "no run" : real.getFileName())
        .append(") against the skeleton anchor (").append(anchor == null ? "no run" : anchor.getFileName())
        .append(")\n\n| request | target p95 | real p95 | skeleton p95 | real / skeleton | requests real / skeleton"
            + " | failed real / skeleton |\n|---|---|---|---|---|---|---|\n");
    List<String> names = new ArrayList<>(Targets.P95.keySet());
    List<String> misses = new ArrayList<>();
    realStats.keySet().stream().filter(n -> !names.contains(n) && !n.equals("All Requests")).forEach(names::add);
    names.add("All Requests");
    for (String name : names) {
      Stats r = realStats.get(name);
      Stats a = anchorStats.get(name);
      Integer target = Targets.P95.get(name);
      out.append("| ").append(name).append(" | ").append(target == null ? "" : target + " ms").append(" | ")
          .append(r == null ? "–" : r.p95() + " ms" + (target != null && r.p95() > target ? " **miss**" : ""))
          .append(" | ")
          .append(a == null ? "–" : a.p95() + " ms" + (target != null && a.p95() > target ? " (miss)" : ""))
          .append(" | ").append(r == null || a == null || a.p95() <= 0 ? "–"
              : String.format(Locale.ROOT, "%.2f", (double) r.p95() / a.p95()))
          .append(" | ").append(r == null ? "–" : r.total()).append(" / ").append(a == null ? "–" : a.total())
          .append(" | ").append(r == null ? "–" : r.ko()).append(" / ").append(a == null ? "–" : a.ko())
          .append(" |\n");
      if (r != null && target != null && r.p95() > target) {
        misses.add(name);
      }
    }
    if (!misses.isEmpty()) {
      errors.add("real run misses " + misses.size() + " of " + Targets.P95.size() + " p95 targets (" + misses + ")");
    }
    Stats r = realStats.get("All Requests");
    Stats a = anchorStats.get("All Requests");
    out.append("\nMean throughput: real ").append(r == null ? "–" : r.rate()).append(" requests/s, skeleton ")
        .append(a == null ? "–" : a.rate()).append(" requests/s (the same injection profile: the arrival rate is "
            + "the profile's, the throughput what each application answered).\n");
    if (real == null) {
      errors.add("the real run (DeadlineDaySimulation) has no report in this build");
    } else if (r != null && r.ko() > 0) {
      errors.add("real run: " + r.ko() + " failed requests");
    }
    if (anchor == null && !"false".equals(System.getProperty("load.anchor"))) {
      errors.add("the skeleton anchor (DeadlineDaySkeletonSimulation) has no report in this build");
    } else if (a != null && a.ko() > 0) {
      errors.add("skeleton anchor: " + a.ko() + " failed requests (it would not be doing the same work)");
    }
    Files.writeString(results.resolve("anchor-comparison.md"), out, StandardCharsets.UTF_8);
    System.out.println(out);
    System.out.println("Written to " + results.resolve("anchor-comparison.md"));
    if (!errors.isEmpty()) {
      throw new IllegalStateException("deadline day: " + String.join("; ", errors));
    }
  }

  /** Per request name (and "All Requests"): count, failures, p95 and mean rate, from the report's js/stats.js. */
  static Map<String, Stats> read(Path run) throws IOException {
    String js = Files.readString(run.resolve("js/stats.js"), StandardCharsets.UTF_8);
    int end = js.indexOf("function fillStats");
    if (end > 0) {
      js = js.substring(0, end);
    }
    Map<String, Stats> stats = new LinkedHashMap<>();
    Matcher m = REQUEST.matcher(js);
    while (m.find()) {
      Matcher p = P95.matcher(js);
      Matcher rate = RATE.matcher(js);
      stats.putIfAbsent(m.group(1), new Stats(number(m.group(2)), number(m.group(4)),
          p.find(m.end()) ? number(p.group(1)) : -1, rate.find(m.end()) ? rate.group(1) : "–"));
    }
    return stats;
  }

  private static long number(String text) {
    return text.equals("-") ? 0 : Long.parseLong(text);
  }
}
