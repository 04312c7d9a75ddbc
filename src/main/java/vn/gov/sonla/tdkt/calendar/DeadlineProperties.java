package vn.gov.sonla.tdkt.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Deadlines of the dossier procedure, in working days (published provincial procedure defaults). */
@ConfigurationProperties("tdkt.deadlines")
public record DeadlineProperties(
    int appraisalWorkingDays, int appraisalReminderWorkingDays, int supplementWorkingDays) {

  public DeadlineProperties {
    if (appraisalWorkingDays <= 0 || supplementWorkingDays <= 0 || appraisalReminderWorkingDays < 0
        || appraisalReminderWorkingDays >= appraisalWorkingDays) {
      throw new IllegalArgumentException(
          "tdkt.deadlines: appraisal and supplement days must be positive, and the reminder must fall"
              + " before the appraisal deadline");
    }
  }
}
