package vn.gov.sonla.tdkt.observability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.calendar.CalendarCoverage;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * Health component {@code calendar} of {@code /actuator/health}: UP (a missing year does not stop the service)
 * with a {@code warning} detail when the working calendar lacks this year's holidays, or next year's from
 * 1 October ({@link CalendarCoverage}). The same warning is logged at start-up and sent to administrators
 * ({@code camunda-admin}) each morning it holds, at most once a week.
 */
@Component("calendarHealthIndicator")
public class CalendarHealth implements HealthIndicator {

  static final String KIND = "CALENDAR_MISSING";
  private static final Logger LOG = LoggerFactory.getLogger(CalendarHealth.class);

  private final CalendarCoverage coverage;
  private final CalendarProperties calendar;
  private final Notifications notifications;
  private final JdbcClient jdbc;
  private final Clock clock;

  public CalendarHealth(CalendarCoverage coverage, CalendarProperties calendar, Notifications notifications,
      JdbcClient jdbc, Clock clock) {
    this.coverage = coverage;
    this.calendar = calendar;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Map<String, Object> details = coverage.details(today());
    return Health.up().withDetails(details).build();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void warnAtStartUp() {
    coverage.warning(today()).ifPresent(w -> LOG.warn("Working calendar: {}", w));
  }

  /** Each morning: notifies administrators while the warning holds (once in any 7 days). */
  @Scheduled(cron = "${tdkt.calendar.check-cron:0 0 7 * * *}", zone = "${tdkt.calendar.zone:Asia/Ho_Chi_Minh}")
  @Transactional
  public void notifyAdministrators() {
    coverage.warning(today()).ifPresent(w -> {
      java.time.OffsetDateTime weekAgo = java.time.OffsetDateTime.ofInstant(
          clock.instant(), java.time.ZoneOffset.UTC).minusDays(7);
      long recent = jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = :kind AND recipient = :to"
              + " AND created_at > :since")
          .param("kind", KIND).param("to", Groups.ADMIN).param("since", weekAgo).query(Long.class).single();
      if (recent == 0) {
        notifications.send(Groups.ADMIN, null, KIND, w);
      }
    });
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), calendar.zone());
  }
}
