package vn.gov.sonla.tdkt.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for work sent to other threads at once. */
public final class Futures {

  private Futures() {}

  /**
   * Waits for each of the futures, at most {@code each} for every one, and returns what the failed ones threw; a
   * future that does not end in time fails the test.
   */
  public static List<Throwable> failures(List<? extends Future<?>> futures, Duration each)
      throws InterruptedException, TimeoutException {
    List<Throwable> failures = new ArrayList<>();
    for (Future<?> f : futures) {
      try {
        f.get(each.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    return failures;
  }
}
