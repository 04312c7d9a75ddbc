package vn.gov.sonla.tdkt.unittask;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway migration {@code 17.21}: the open tasks of an existing database into the read model {@code unit_task}
 * (created by {@code V17_2__unit_task.sql}), before the engine starts; from then on {@link UnitTaskListener} keeps it.
 * A bean ({@link UnitTaskConfiguration}): Spring Boot gives every {@code JavaMigration} bean to Flyway.
 */
public class V17_21__unit_task_backfill extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V17_21__unit_task_backfill.class);

  @Override
  public void migrate(Context context) throws Exception {
    int rows = UnitTaskBackfill.run(context.getConnection());
    if (rows < 0) {
      LOG.info("Unit task read model: no engine tables yet, nothing to copy");
    } else {
      LOG.info("Unit task read model: {} rows of open tasks copied", rows);
    }
  }
}
