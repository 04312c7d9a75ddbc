package vn.gov.sonla.tdkt.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * The application's clock, a {@link Clock} bean ({@link ClockConfiguration}): the engine's current time, so that
 * what the features stamp and compare agrees with the engine's timers and due dates (tests move both with the
 * engine's {@code ClockUtil}; in production it is the system time). In the province's time zone
 * ({@code tdkt.calendar.zone}). Business code takes this bean ({@code LocalDate.now(clock)}, {@code clock.instant()})
 * and never reads the system clock itself (ArchitectureTest).
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new EngineClock(other);
  }

  @Override
  public Instant instant() {
    return EngineInternals.now().toInstant();
  }

  /**
   * Now in UTC ({@code OffsetDateTime} with offset zero), the form in which the features stamp their records (the
   * clock's own zone is the province's).
   */
  public static OffsetDateTime utc(Clock clock) {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Now as a {@link Date}, the engine API's type. */
  public static Date date(Clock clock) {
    return Date.from(clock.instant());
  }

  /** Whether the moment has come (now is at or after it); false for no moment. */
  public static boolean reached(Clock clock, Date moment) {
    return moment != null && !clock.instant().isBefore(moment.toInstant());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EngineClock o && o.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode();
  }

  @Override
  public String toString() {
    return "EngineClock[" + zone + "]";
  }
}
