package vn.gov.sonla.tdkt.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Camunda's own SQL scripts for PostgreSQL, read from the engine jar on the class path
 * ({@code org/camunda/bpm/engine/db/create/activiti.postgres.create.*.sql} and
 * {@code org/camunda/bpm/engine/db/upgrade/postgres_engine_<from>_to_<to>.sql}), the scripts Camunda's
 * documentation asks operators to run by hand ("manual database installation / upgrade").
 */
final class CamundaSchemaScripts {

  private static final String CREATE = "org/camunda/bpm/engine/db/create/activiti.postgres.create.%s.sql";
  private static final String UPGRADE = "org/camunda/bpm/engine/db/upgrade/postgres_engine_%s_to_%s.sql";
  /** In the order the engine's own schema-update creates them (DbSqlSession#dbSchemaCreate). */
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  private CamundaSchemaScripts() {}

  /** The version of the engine on the class path, e.g. {@code 7.24.0}. */
  static String engineVersion() {
    String version = ProcessEngine.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
  }

  /** The engine's tables exist in the connection's schema (created earlier by Flyway or by schema-update). */
  static boolean engineTablesPresent(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "act_ge_property",
        new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  /** The versions recorded in ACT_GE_SCHEMA_LOG (one row per create or upgrade script run), highest first. */
  static String schemaVersion(Connection connection) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions.stream().max(CamundaSchemaScripts::compareVersions).orElse(null);
  }

  /** Compares dotted versions numerically (7.9.0 < 7.24.0); non-numeric parts compare as 0. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(part(x, i), part(y, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static void runCreateScripts(Connection connection) {
    for (String component : COMPONENTS) {
      run(connection, String.format(CREATE, component));
    }
  }

  static void runUpgradeScript(Connection connection, String from, String to) {
    run(connection, String.format(UPGRADE, from, to));
  }

  private static void run(Connection connection, String path) {
    ClassPathResource script = new ClassPathResource(path, CamundaSchemaScripts.class.getClassLoader());
    if (!script.exists()) {
      throw new IllegalStateException("Camunda script " + path + " is not on the class path (engine "
          + engineVersion() + ")");
    }
    ScriptUtils.executeSqlScript(connection, new EncodedResource(script, java.nio.charset.StandardCharsets.UTF_8));
  }
}
