package vn.gov.sonla.tdkt.report;

import java.util.Collection;
import java.util.List;

/**
 * Count, median, 90th percentile and number late of a set of step durations (hours, two decimals).
 *
 * <p>Percentiles use the <b>nearest-rank</b> method: for P in (0, 100] over n sorted values, the P-th
 * percentile is the value at rank {@code ceil(P / 100 * n)} (1-based). It is always one of the
 * observed values; the median of an even count is the lower of the two middle values. No values: null.
 */
public record DurationStats(long count, Double medianHours, Double p90Hours, long late) {

  private static final double MILLIS_PER_HOUR = 3_600_000d;

  /** One finished step: how long it took, and whether it ended after its deadline. */
  public record Sample(long durationMillis, boolean late) {}

  public static final DurationStats EMPTY = new DurationStats(0, null, null, 0);

  public static DurationStats of(Collection<Sample> samples) {
    if (samples.isEmpty()) {
      return EMPTY;
    }
    // primitive values sorted once for both ranks (a sort of boxed values per percentile was the reports' largest
    // cost at 100,000 dossiers)
    long[] durations = new long[samples.size()];
    int i = 0;
    long late = 0;
    for (Sample s : samples) {
      durations[i++] = s.durationMillis();
      if (s.late()) {
        late++;
      }
    }
    java.util.Arrays.sort(durations);
    return new DurationStats(samples.size(), hours(percentileOfSorted(durations, 50)),
        hours(percentileOfSorted(durations, 90)), late);
  }

  /** {@link #percentile} of values already sorted in ascending order. */
  static Long percentileOfSorted(long[] sorted, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100d * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** The nearest-rank P-th percentile (0 &lt; P &lt;= 100) of the values; null if there are none. */
  public static Long percentile(List<Long> values, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100d * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /** Milliseconds as hours, rounded half-up to two decimals; null stays null. */
  public static Double hours(Long millis) {
    if (millis == null) {
      return null;
    }
    return Math.round(millis / MILLIS_PER_HOUR * 100d) / 100d;
  }
}
