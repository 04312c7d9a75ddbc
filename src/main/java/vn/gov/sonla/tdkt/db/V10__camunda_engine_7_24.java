package vn.gov.sonla.tdkt.db;

import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway migration {@code 10}: creates the Camunda engine's tables (ACT_*) on PostgreSQL from Camunda's own
 * create scripts in the engine jar, so that the postgres profile runs with {@code camunda.bpm.database.schema-update:
 * false} and the schema is created once, by one node, under Flyway's lock, before any engine starts
 * ({@link EngineAfterFlyway}).
 *
 * <p>Skipped (recorded as applied, nothing changed) when the engine's tables already exist, i.e. on PostgreSQL
 * databases created before this migration by the engine's schema-update, and on H2 (the demo database), where the
 * engine keeps creating its schema itself ({@code schema-update: true} in the demo profile).
 *
 * <p>The class name gives the version and description: {@code V10__camunda_engine_7_24}. An engine upgrade is
 * a dependency bump plus a new {@link CamundaEngineUpgradeMigration} bean (e.g. 7.24 to 7.25), see the README's
 * "PostgreSQL operations".
 */
public class V10__camunda_engine_7_24 extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V10__camunda_engine_7_24.class);

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!CamundaSchemaScripts.isPostgres(connection)) {
      LOG.info("Engine schema: not PostgreSQL ({}); the engine's schema-update creates it",
          connection.getMetaData().getDatabaseProductName());
      return;
    }
    if (CamundaSchemaScripts.engineTablesPresent(connection)) {
      LOG.info("Engine schema: ACT_GE_PROPERTY exists (schema {}), created earlier; nothing to do",
          CamundaSchemaScripts.schemaVersion(connection));
      return;
    }
    LOG.info("Engine schema: creating the Camunda {} tables from the engine's PostgreSQL scripts",
        CamundaSchemaScripts.engineVersion());
    CamundaSchemaScripts.runCreateScripts(connection);
  }
}
