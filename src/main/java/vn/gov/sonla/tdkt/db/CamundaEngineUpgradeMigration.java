package vn.gov.sonla.tdkt.db;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine schema upgrade: runs Camunda's {@code db/upgrade/postgres_engine_<from>_to_<to>.sql} from the engine jar
 * on PostgreSQL, unless the schema already is at {@code to} or later (a database created by
 * {@link V10__camunda_engine_7_24} with the newer engine's create scripts). An upgrade to Camunda 7.25 is a
 * {@code camunda.version} bump in the pom and a bean:
 *
 * <pre>
 * &#64;Bean JavaMigration engineUpgrade725() {
 *   return new CamundaEngineUpgradeMigration("10.2", "7.24", "7.25");
 * }
 * </pre>
 *
 * (Camunda supports upgrading one minor version at a time; add one migration per step, and the patch scripts,
 * {@code postgres_engine_7.24_patch_*}, the same way.) On H2 it does nothing: the demo database's engine upgrades
 * itself with schema-update.
 */
public class CamundaEngineUpgradeMigration implements JavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaEngineUpgradeMigration.class);
  private final MigrationVersion version;
  private final String from;
  private final String to;

  public CamundaEngineUpgradeMigration(String flywayVersion, String from, String to) {
    this.version = MigrationVersion.fromVersion(flywayVersion);
    this.from = from;
    this.to = to;
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return "camunda engine " + from + " to " + to;
  }

  /** No checksum: the script comes from the engine jar, whose version the pom pins. */
  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!CamundaSchemaScripts.isPostgres(connection)) {
      return;
    }
    String current = CamundaSchemaScripts.schemaVersion(connection);
    if (current != null && CamundaSchemaScripts.compareVersions(current, to) >= 0) {
      LOG.info("Engine schema already at {} (>= {}): upgrade script {} to {} not needed", current, to, from, to);
      return;
    }
    LOG.info("Engine schema {}: upgrading {} to {}", current, from, to);
    CamundaSchemaScripts.runUpgradeScript(connection, from, to);
  }
}
