package vn.gov.sonla.tdkt.unittask;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies the engine's open user tasks into the read model {@code unit_task}, one row per task and candidate group,
 * with the dossier's variables of the task's process instance ({@code dossierCode}, {@code subjectName},
 * {@code awardType}, {@code awardTypeName}, {@code awardYear}): what {@link UnitTaskListener} writes for a task as
 * it happens. Rows already present are kept, so it can run again. Plain SQL of the engine's public schema, for
 * PostgreSQL and H2; nothing when the engine's tables do not exist yet (a new H2 demo database, where the engine
 * creates them after Flyway).
 */
public final class UnitTaskBackfill {

  /**
   * One pass over the process-level variables of those names (hash-aggregated per instance), joined to the tasks:
   * linear in the open tasks whatever the planner's statistics (a correlated lookup per task and variable chose, on a
   * freshly loaded PostgreSQL database without statistics, an index of all instances' variables of that name).
   */
  static final String SQL = """
      INSERT INTO unit_task (task_id, candidate_group, task_key, task_name, assignee, created, due,
          process_instance_id, process_key, business_key, dossier_code, subject_name, award_type, award_type_name,
          award_year)
      SELECT t.ID_, l.GROUP_ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,
          t.PROC_INST_ID_, d.KEY_, e.BUSINESS_KEY_, v.DOSSIER_CODE, v.SUBJECT_NAME, v.AWARD_TYPE, v.AWARD_TYPE_NAME,
          v.AWARD_YEAR
      FROM ACT_RU_TASK t
      JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
      LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
      LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
      LEFT JOIN (
          SELECT EXECUTION_ID_ AS INSTANCE_ID,
              MAX(CASE WHEN NAME_ = 'dossierCode' THEN TEXT_ END) AS DOSSIER_CODE,
              MAX(CASE WHEN NAME_ = 'subjectName' THEN TEXT_ END) AS SUBJECT_NAME,
              MAX(CASE WHEN NAME_ = 'awardType' THEN TEXT_ END) AS AWARD_TYPE,
              MAX(CASE WHEN NAME_ = 'awardTypeName' THEN TEXT_ END) AS AWARD_TYPE_NAME,
              CAST(MAX(CASE WHEN NAME_ = 'awardYear' THEN LONG_ END) AS INTEGER) AS AWARD_YEAR
          FROM ACT_RU_VARIABLE
          WHERE TASK_ID_ IS NULL AND EXECUTION_ID_ = PROC_INST_ID_
              AND NAME_ IN ('dossierCode', 'subjectName', 'awardType', 'awardTypeName', 'awardYear')
          GROUP BY EXECUTION_ID_) v ON v.INSTANCE_ID = t.PROC_INST_ID_
      WHERE NOT EXISTS (SELECT 1 FROM unit_task u WHERE u.task_id = t.ID_ AND u.candidate_group = l.GROUP_ID_)
      """;

  private UnitTaskBackfill() {}

  /**
   * Runs the copy on the connection (in its transaction).
   *
   * @return the rows added, or -1 when the engine's tables do not exist
   */
  public static int run(Connection connection) throws SQLException {
    if (!tableExists(connection, "act_ru_task")) {
      return -1;
    }
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(SQL);
    }
  }

  private static boolean tableExists(Connection connection, String name) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String candidate : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), candidate,
          new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
