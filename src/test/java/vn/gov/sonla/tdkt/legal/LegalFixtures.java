package vn.gov.sonla.tdkt.legal;

import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.gov.sonla.tdkt.award.BaseSalaryProperties;
import vn.gov.sonla.tdkt.award.RewardRoundingProperties;

/**
 * The legal values as shipped: the settings of application.yaml's default document, and the project's tables
 * after all Flyway migrations on an in-memory H2 database (no Spring context, no engine).
 */
public final class LegalFixtures {

  private LegalFixtures() {}

  public static Binder settings() {
    try {
      List<PropertySource<?>> documents =
          new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(documents.get(0)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static BaseSalaryProperties baseSalaries() {
    return settings().bind("tdkt", BaseSalaryProperties.class).get();
  }

  public static RewardRoundingProperties rounding() {
    return settings().bind("tdkt.reward", RewardRoundingProperties.class).get();
  }

  /** A fresh database with every migration applied. */
  public static JdbcClient migratedDatabase(String name) {
    DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
    return JdbcClient.create(ds);
  }
}
