package vn.gov.sonla.tdkt.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.notification}: when many notifications reach one recipient at once, they are gathered into one
 * digest instead of a burst.
 *
 * @param burstThreshold how many notifications to one recipient within the window still arrive one by one; the
 *     next one folds them all into a digest
 * @param burstWindow how far back a burst is counted, and how long a digest keeps gathering
 */
@ConfigurationProperties("tdkt.notification")
public record NotificationProperties(Integer burstThreshold, Duration burstWindow) {
  public NotificationProperties {
    burstThreshold = burstThreshold == null ? 5 : burstThreshold;
    burstWindow = burstWindow == null ? Duration.ofMinutes(10) : burstWindow;
  }
}
