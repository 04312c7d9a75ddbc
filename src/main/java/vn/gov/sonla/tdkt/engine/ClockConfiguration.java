package vn.gov.sonla.tdkt.engine;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} of the application: the engine's time in the province's zone ({@link EngineClock}). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock(@Value("${tdkt.calendar.zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
    return new EngineClock(zone);
  }
}
