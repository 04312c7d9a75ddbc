package vn.gov.sonla.tdkt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A second application on H2, shared by the few tests that the main one's ({@link AppTest}) traffic would disturb:
 * low abuse limits (3 failed logins per user name, 3 objections per client address and hour; in {@code AppTest} all
 * tests call from 127.0.0.1 and their attempts would add up, so application-test.yaml raises those limits there),
 * the yearly statistics, whose forms count every award of a year in the register (their 2024 awards must be the
 * only ones), and the council session process, whose agendas take every dossier awaiting the council (no other class
 * here leaves one), and e-mail: notifications are mailed to the JVM's in-process SMTP server ({@link TestSmtp}), which
 * {@code NotificationMailTest} stops and starts again. Tests here keep to their own data as in {@code AppTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.login.max-failures=3", "tdkt.login.max-failures-per-address=1000", "tdkt.objections.per-hour=3",
        "tdkt.mail.base-url=https://tdkt.sonla.gov.vn", "tdkt.mail.from=tdkt@sonla.gov.vn"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = IsolatedAppTest.Mail.class)
public @interface IsolatedAppTest {

  /** Points the context's mail sender at the JVM's test SMTP server, started here on a free port. */
  final class Mail implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tdkt-test-smtp",
          Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", TestSmtp.port())));
    }
  }
}
