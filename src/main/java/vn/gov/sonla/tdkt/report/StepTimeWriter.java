package vn.gov.sonla.tdkt.report;

import java.sql.Timestamp;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.HistoryPlugin;

/**
 * Writes {@code step_time} (see {@link StepTimes}) when a step of a dossier's process instance ends, in
 * the engine's transaction ({@link HistoryPlugin.StepRecorder}): a rolled-back step writes nothing. The dossier's
 * code, unit and award year come from the dossier that holds the process instance (no row for a process instance of
 * no dossier, as the reports have always counted); a step already recorded is not written twice.
 */
@Component
class StepTimeWriter implements HistoryPlugin.StepRecorder {

  private static final Set<String> STEPS = Set.copyOf(StepTimes.ACTIVITIES);

  private final JdbcClient jdbc;

  StepTimeWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void ended(HistoryPlugin.EndedStep step) {
    boolean process = HistoryPlugin.EndedStep.PROCESS.equals(step.activityType());
    // any process instance a dossier holds, as the reports have always joined the history with the dossier table
    if (!(process || STEPS.contains(step.activityId()))) {
      return;
    }
    boolean late = step.due() != null && step.end().after(step.due());
    jdbc.sql("INSERT INTO step_time (activity_instance_id, dossier_code, process_instance_id, activity_id,"
            + " activity_name, activity_type, unit_code, award_year, task_id, assignee, started_at, ended_at,"
            + " duration_ms, due_at, late)"
            + " SELECT CAST(:id AS VARCHAR(64)), d.code, d.process_instance_id, CAST(:activity AS VARCHAR(255)),"
            + " CAST(:name AS VARCHAR(255)), CAST(:type AS VARCHAR(255)), d.unit_code, d.award_year,"
            + " CAST(:task AS VARCHAR(64)), CAST(:assignee AS VARCHAR(255)), CAST(:started AS TIMESTAMP),"
            + " CAST(:ended AS TIMESTAMP), CAST(:duration AS BIGINT), CAST(:due AS TIMESTAMP), CAST(:late AS BOOLEAN)"
            + " FROM dossier d WHERE d.process_instance_id = :pi"
            + " AND NOT EXISTS (SELECT 1 FROM step_time s WHERE s.activity_instance_id = :id)")
        .param("id", step.activityInstanceId())
        .param("activity", step.activityId())
        .param("name", step.activityName())
        .param("type", step.activityType())
        .param("task", step.taskId())
        .param("assignee", step.assignee())
        .param("started", new Timestamp(step.start().getTime()))
        .param("ended", new Timestamp(step.end().getTime()))
        .param("duration", step.durationMillis())
        .param("due", step.due() == null ? null : new Timestamp(step.due().getTime()))
        .param("late", late)
        .param("pi", step.processInstanceId())
        .update();
  }
}
