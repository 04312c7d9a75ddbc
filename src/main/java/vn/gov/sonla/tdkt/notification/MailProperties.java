package vn.gov.sonla.tdkt.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.mail}: e-mail copies of notifications, sent only where SMTP is configured
 * ({@code spring.mail.host}).
 *
 * @param from sender address
 * @param baseUrl the application's address as users reach it, for the links in the e-mails
 * @param maxAttempts attempts per e-mail before it stays FAILED
 * @param retryInterval how often failed e-mails are tried again (and e-mails left waiting are looked for)
 * @param claimTimeout how long an e-mail may stay taken by a node (SENDING) or waiting after its step (PENDING)
 *     before another attempt may take it: a node that died in between
 * @param node this node's name, recorded with each claim
 */
@ConfigurationProperties("tdkt.mail")
public record MailProperties(String from, String baseUrl, Integer maxAttempts, Duration retryInterval,
    Duration claimTimeout, String node) {
  public MailProperties {
    from = from == null || from.isBlank() ? "tdkt@sonla.gov.vn" : from;
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    maxAttempts = maxAttempts == null ? 3 : maxAttempts;
    retryInterval = retryInterval == null ? Duration.ofMinutes(10) : retryInterval;
    claimTimeout = claimTimeout == null ? Duration.ofMinutes(5) : claimTimeout;
    node = node == null || node.isBlank() ? "local" : node;
  }
}
