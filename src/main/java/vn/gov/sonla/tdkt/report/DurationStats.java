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
    // primitive values, the two ranks selected without sorting them all (a sort of boxed values per percentile was
    // the reports' largest cost at 100,000 dossiers)
    long[] durations = new long[samples.size()];
    int i = 0;
    long late = 0;
    for (Sample s : samples) {
      durations[i++] = s.durationMillis();
      if (s.late()) {
        late++;
      }
    }
    return ofDurations(durations, late);
  }

  /**
   * The figures of these durations (milliseconds; reordered in place) of which {@code late} were late: as
   * {@link #of}, for durations that arrive without their samples (aggregated by the database).
   */
  public static DurationStats ofDurations(long[] durations, long late) {
    if (durations.length == 0) {
      return EMPTY;
    }
    int median = index(50, durations.length);
    int p90 = index(90, durations.length);
    long medianValue = select(durations, 0, durations.length - 1, median);
    // after the first selection every value from the median's place on is at least the median
    long p90Value = select(durations, median, durations.length - 1, p90);
    return new DurationStats(durations.length, hours(medianValue), hours(p90Value), late);
  }

  /** The 0-based place of the nearest-rank P-th percentile among n sorted values (n &gt; 0). */
  private static int index(double p, int n) {
    int rank = (int) Math.ceil(p / 100d * n);
    return Math.max(rank, 1) - 1;
  }

  /**
   * The value that would be at place {@code k} if {@code values[lo..hi]} were sorted (quickselect, three-way
   * partitions around a median of three); leaves the smaller values before {@code k} and the larger after it.
   */
  static long select(long[] values, int lo, int hi, int k) {
    while (hi > lo) {
      long a = values[lo];
      long b = values[(lo + hi) >>> 1];
      long c = values[hi];
      long pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i <= gt) {
        long v = values[i];
        if (v < pivot) {
          values[i++] = values[lt];
          values[lt++] = v;
        } else if (v > pivot) {
          values[i] = values[gt];
          values[gt--] = v;
        } else {
          i++;
        }
      }
      // values[lo..lt-1] < pivot, values[lt..gt] == pivot, values[gt+1..hi] > pivot
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return values[k];
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
