package vn.gov.sonla.tdkt.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Deadlines of the dossier procedure, in working days (published provincial procedure defaults). */
@ConfigurationProperties("tdkt.deadlines")
public record DeadlineProperties(
    int appraisalWorkingDays, int appraisalReminderWorkingDays, int supplementWorkingDays,
    Integer publicNoticeWorkingDays, Integer centralFollowUpDays) {

  /** The three deadlines of the appraisal step; public notice 5 working days, follow-up every 60 days. */
  public DeadlineProperties(int appraisalWorkingDays, int appraisalReminderWorkingDays, int supplementWorkingDays) {
    this(appraisalWorkingDays, appraisalReminderWorkingDays, supplementWorkingDays, null, null);
  }

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public DeadlineProperties {
    publicNoticeWorkingDays = publicNoticeWorkingDays == null ? 5 : publicNoticeWorkingDays;
    centralFollowUpDays = centralFollowUpDays == null ? 60 : centralFollowUpDays;
    if (publicNoticeWorkingDays <= 0 || centralFollowUpDays <= 0) {
      throw new IllegalArgumentException("tdkt.deadlines: public notice and central follow-up days must be positive");
    }
    if (appraisalWorkingDays <= 0 || supplementWorkingDays <= 0 || appraisalReminderWorkingDays < 0
        || appraisalReminderWorkingDays >= appraisalWorkingDays) {
      throw new IllegalArgumentException(
          "tdkt.deadlines: appraisal and supplement days must be positive, and the reminder must fall"
              + " before the appraisal deadline");
    }
  }
}
