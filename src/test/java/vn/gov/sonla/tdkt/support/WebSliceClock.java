package vn.gov.sonla.tdkt.support;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import vn.gov.sonla.tdkt.engine.EngineClock;

/** The application's one {@link Clock} (the engine's time in the province's zone) for the web slice. */
@TestConfiguration(proxyBeanMethods = false)
public class WebSliceClock {

  @Bean
  Clock clock() {
    return new EngineClock(ZoneId.of("Asia/Ho_Chi_Minh"));
  }
}
