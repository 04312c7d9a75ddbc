package vn.gov.sonla.tdkt.report;

import java.util.List;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reports' read model of processing times, table {@code step_time} (V17_1): one row per ended, not cancelled
 * step of {@link #ACTIVITIES} of a dossier's {@code commendation-dossier} process, and one row per ended process
 * instance ({@code activity_type = 'process'}). Written live by {@link StepTimeWriter}; the history from before the
 * table is copied once by {@link V17_11__step_time_backfill}, given to Flyway as a bean here.
 */
@Configuration(proxyBeanMethods = false)
public class StepTimes {

  /** The steps whose durations the reports show, in the pipeline's order (as {@link ReportService#steps()}). */
  public static final List<String> ACTIVITIES = List.of(ReportService.APPRAISAL_TASK, "Task_Supplement",
      "Event_AwaitCouncilResolution", "Sub_PublicNotice", "Task_VerifyObjection", "Task_Decide",
      "Event_AwaitDecisionBatch", "Event_AwaitStateSubmission", "Event_AwaitCentralDecision");

  /** {@code activity_type} of the row of a whole process instance. */
  public static final String PROCESS = "process";

  @Bean
  static JavaMigration stepTimeBackfill() {
    return new V17_11__step_time_backfill();
  }
}
