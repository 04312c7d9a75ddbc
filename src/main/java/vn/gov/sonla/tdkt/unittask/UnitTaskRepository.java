package vn.gov.sonla.tdkt.unittask;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code unit_task} (V17_2): written by {@link UnitTaskListener} in the engine's transaction (the same
 * connection: the engine runs in Spring's transaction), read by {@link UnitTaskController}. A unit's page is an
 * index range ({@code unit_task_group_created} or {@code unit_task_group_due}) read in order.
 */
@Repository
public class UnitTaskRepository {

  /** The orders of the list: newest first (as Tasklist), or the nearest due date first. */
  public enum Sort {
    CREATED("created DESC, task_id DESC"),
    DUE("due ASC, task_id ASC");

    final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }
  }

  private final JdbcClient jdbc;

  public UnitTaskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UnitTask t) {
    bind(jdbc.sql("""
        INSERT INTO unit_task (task_id, candidate_group, task_key, task_name, assignee, created, due,
            process_instance_id, process_key, business_key, dossier_code, subject_name, award_type, award_type_name,
            award_year)
        VALUES (:taskId, :group, :key, :name, :assignee, :created, :due, :pi, :pkey, :bkey, :code, :subject,
            :award, :awardName, :year)"""), t).update();
  }

  /** Every column but the key, of the row of the task and group. */
  void update(UnitTask t) {
    bind(jdbc.sql("""
        UPDATE unit_task SET task_key = :key, task_name = :name, assignee = :assignee, created = :created, due = :due,
            process_instance_id = :pi, process_key = :pkey, business_key = :bkey, dossier_code = :code,
            subject_name = :subject, award_type = :award, award_type_name = :awardName, award_year = :year
        WHERE task_id = :taskId AND candidate_group = :group"""), t).update();
  }

  /** The candidate groups the task has rows for. */
  Set<String> groupsOf(String taskId) {
    return new LinkedHashSet<>(jdbc.sql("SELECT candidate_group FROM unit_task WHERE task_id = :id")
        .param("id", taskId).query(String.class).list());
  }

  void deleteGroup(String taskId, String group) {
    jdbc.sql("DELETE FROM unit_task WHERE task_id = :id AND candidate_group = :group")
        .param("id", taskId).param("group", group).update();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, UnitTask t) {
    return sql.param("taskId", t.taskId()).param("group", t.candidateGroup()).param("key", t.taskKey())
        .param("name", cut(t.taskName(), 255)).param("assignee", t.assignee())
        .param("created", timestamp(t.created())).param("due", timestamp(t.due()))
        .param("pi", t.processInstanceId()).param("pkey", t.processKey()).param("bkey", t.businessKey())
        .param("code", cut(t.dossierCode(), 64)).param("subject", cut(t.subjectName(), 400))
        .param("award", cut(t.awardType(), 64)).param("awardName", cut(t.awardTypeName(), 400))
        .param("year", t.awardYear());
  }

  void deleteTask(String taskId) {
    jdbc.sql("DELETE FROM unit_task WHERE task_id = :id").param("id", taskId).update();
  }

  void assign(String taskId, String assignee) {
    jdbc.sql("UPDATE unit_task SET assignee = :assignee WHERE task_id = :id")
        .param("assignee", assignee).param("id", taskId).update();
  }

  /** One page of the groups' open tasks in the given order. */
  public List<UnitTask> page(Collection<String> groups, Sort sort, int page, int size) {
    return jdbc.sql("SELECT * FROM unit_task WHERE candidate_group IN (:groups) ORDER BY " + sort.orderBy
            + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
        .param("groups", groups).param("offset", (long) page * size).param("size", size)
        .query(UnitTaskRepository::row).list();
  }

  /**
   * Keyset paging, newest first: the page after the task ({@code created}, {@code taskId}) of the previous page's
   * last item. One index range of {@code size} rows however deep (an offset reads every row it skips).
   */
  public List<UnitTask> after(Collection<String> groups, Instant created, String taskId, int size) {
    return jdbc.sql("SELECT * FROM unit_task WHERE candidate_group IN (:groups)"
            // a row comparison: PostgreSQL uses it as the index range's bound (an OR of the two cases it does not)
            + " AND (created, task_id) < (:created, :taskId)"
            + " ORDER BY created DESC, task_id DESC FETCH FIRST :size ROWS ONLY")
        .param("groups", groups).param("created", Timestamp.from(created)).param("taskId", taskId)
        .param("size", size)
        .query(UnitTaskRepository::row).list();
  }

  public long count(Collection<String> groups) {
    return jdbc.sql("SELECT COUNT(*) FROM unit_task WHERE candidate_group IN (:groups)")
        .param("groups", groups).query(Long.class).single();
  }

  /** Every row of one task (tests, and the check against the engine). */
  public List<UnitTask> ofTask(String taskId) {
    return jdbc.sql("SELECT * FROM unit_task WHERE task_id = :id ORDER BY candidate_group")
        .param("id", taskId).query(UnitTaskRepository::row).list();
  }

  private static UnitTask row(ResultSet rs, int n) throws SQLException {
    Integer year = rs.getObject("award_year") == null ? null : rs.getInt("award_year");
    return new UnitTask(rs.getString("task_id"), rs.getString("candidate_group"), rs.getString("task_key"),
        rs.getString("task_name"), rs.getString("assignee"), instant(rs.getTimestamp("created")),
        instant(rs.getTimestamp("due")), rs.getString("process_instance_id"), rs.getString("process_key"),
        rs.getString("business_key"), rs.getString("dossier_code"), rs.getString("subject_name"),
        rs.getString("award_type"), rs.getString("award_type_name"), year);
  }

  static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
