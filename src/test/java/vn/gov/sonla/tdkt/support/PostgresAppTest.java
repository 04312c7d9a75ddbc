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
 * The whole application on the local PostgreSQL server (profiles {@code test} and {@code postgres}, demo data), on one
 * fresh database {@value PostgresTestDatabase#NAME} per test JVM: the one Spring context shared by the full-application
 * tests on PostgreSQL. Tests isolate their data by dossier code, year, council round or unit (docs/testing.md,
 * docs/adr/0008). The batches' proposals are signed by {@code council2}, as in the demo profile.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.demo-data=true", "DB_USER=postgres", "DB_PASSWORD=", "spring.datasource.hikari.maximum-pool-size=6",
        "tdkt.decision.proposal-signer=council2"})
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresAppTest.Database.class)
public @interface PostgresAppTest {

  /** Points the context at the JVM's fresh test database (application-test.yaml's H2 URL would win otherwise). */
  final class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String url = PostgresTestDatabase.url();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tdkt-test-postgres",
          Map.of("spring.datasource.url", url, "DB_URL", url, "spring.datasource.username", "postgres",
              "spring.datasource.password", "")));
    }
  }
}
