package vn.gov.sonla.tdkt.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine adapter's clock: the engine's current time (moved by tests with ClockUtil), for the features, which
 * do not import engine internals.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Whether the moment has come (now is at or after it); false for no moment. */
  public static boolean reached(Date moment) {
    return moment != null && !now().before(moment);
  }
}
