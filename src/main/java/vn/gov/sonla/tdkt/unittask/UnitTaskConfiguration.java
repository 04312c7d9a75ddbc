package vn.gov.sonla.tdkt.unittask;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read model's Java migration, given to Flyway as a bean (as {@code db.EngineSchemaConfiguration} does). */
@Configuration(proxyBeanMethods = false)
class UnitTaskConfiguration {

  @Bean
  JavaMigration unitTaskBackfill() {
    return new V17_21__unit_task_backfill();
  }
}
