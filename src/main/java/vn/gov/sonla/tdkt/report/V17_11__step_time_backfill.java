package vn.gov.sonla.tdkt.report;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway migration {@code 17.11}: copies the engine's existing history into {@code step_time} (created by V17_1), so
 * that an upgraded database's reports are what they were: exactly the rows the reports used to read from
 * ACT_HI_ACTINST (with ACT_HI_TASKINST) and ACT_HI_PROCINST, joined with the dossier table.
 *
 * <p>On PostgreSQL the engine's tables exist by then (V10 creates them). On H2 (the demo database) the engine creates
 * its own schema after Flyway: on a new database there is no history yet and nothing to copy; an upgraded demo
 * database has its tables and is copied like PostgreSQL. The statements are plain SQL for both databases, and skip
 * rows already present, so running them again changes nothing.
 */
public class V17_11__step_time_backfill extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V17_11__step_time_backfill.class);

  private static final String COLUMNS = "activity_instance_id, dossier_code, process_instance_id, activity_id,"
      + " activity_name, activity_type, unit_code, award_year, task_id, assignee, started_at, ended_at, duration_ms,"
      + " due_at, late";

  /** The statements that copy the history: the steps, then the whole process instances. */
  static List<String> statements() {
    String steps = StepTimes.ACTIVITIES.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
    return List.of(
        // ACT_INST_STATE_ 2: a cancelled activity instance (HistoricActivityInstance#isCanceled)
        "INSERT INTO step_time (" + COLUMNS + ")"
            + " SELECT a.ID_, d.code, d.process_instance_id, a.ACT_ID_, a.ACT_NAME_, a.ACT_TYPE_, d.unit_code,"
            + " d.award_year, a.TASK_ID_, t.ASSIGNEE_, a.START_TIME_, a.END_TIME_, COALESCE(a.DURATION_, 0),"
            + " t.DUE_DATE_, CASE WHEN t.DUE_DATE_ IS NOT NULL AND a.END_TIME_ > t.DUE_DATE_ THEN TRUE ELSE FALSE END"
            + " FROM dossier d JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = d.process_instance_id"
            + " LEFT JOIN ACT_HI_TASKINST t ON t.ID_ = a.TASK_ID_"
            + " WHERE a.ACT_ID_ IN (" + steps + ") AND a.END_TIME_ IS NOT NULL AND a.ACT_INST_STATE_ <> 2"
            + " AND NOT EXISTS (SELECT 1 FROM step_time s WHERE s.activity_instance_id = a.ID_)",
        "INSERT INTO step_time (" + COLUMNS + ")"
            + " SELECT p.ID_, d.code, d.process_instance_id, p.PROC_DEF_KEY_, CAST(NULL AS VARCHAR(255)),"
            + " '" + StepTimes.PROCESS + "', d.unit_code, d.award_year, CAST(NULL AS VARCHAR(64)),"
            + " CAST(NULL AS VARCHAR(255)), p.START_TIME_, p.END_TIME_, COALESCE(p.DURATION_, 0),"
            + " CAST(NULL AS TIMESTAMP), FALSE"
            + " FROM dossier d JOIN ACT_HI_PROCINST p ON p.ID_ = d.process_instance_id"
            + " WHERE p.END_TIME_ IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM step_time s WHERE s.activity_instance_id = p.ID_)");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!historyPresent(connection)) {
      LOG.info("step_time: the engine's history tables do not exist yet (a new H2 database); nothing to copy");
      return;
    }
    try (Statement statement = connection.createStatement()) {
      long rows = 0;
      for (String sql : statements()) {
        rows += statement.executeUpdate(sql);
      }
      LOG.info("step_time: {} rows copied from the engine's history", rows);
    }
  }

  private static boolean historyPresent(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of("act_hi_actinst", "ACT_HI_ACTINST")) {
      try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name,
          new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
