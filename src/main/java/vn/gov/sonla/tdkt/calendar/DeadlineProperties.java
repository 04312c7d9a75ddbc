package vn.gov.sonla.tdkt.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the dossier procedure, in working days (published provincial procedure defaults); the whole
 * procedure from a complete dossier to the decision {@code procedure-working-days} (default 25); the consultation
 * before the council for orders and State honours {@code consultation-working-days} (default 10: Decree 98/2023
 * Art. 46(2) as summarised, to confirm under Decree 152/2025).
 */
@ConfigurationProperties("tdkt.deadlines")
public record DeadlineProperties(
    int appraisalWorkingDays, int appraisalReminderWorkingDays, int supplementWorkingDays,
    Integer publicNoticeWorkingDays, Integer centralFollowUpDays, Integer procedureWorkingDays,
    Integer consultationWorkingDays) {

  /** The three deadlines of the appraisal step; public notice 5 working days, follow-up every 60 days. */
  public DeadlineProperties(int appraisalWorkingDays, int appraisalReminderWorkingDays, int supplementWorkingDays) {
    this(appraisalWorkingDays, appraisalReminderWorkingDays, supplementWorkingDays, null, null, null, null);
  }

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public DeadlineProperties {
    publicNoticeWorkingDays = publicNoticeWorkingDays == null ? 5 : publicNoticeWorkingDays;
    centralFollowUpDays = centralFollowUpDays == null ? 60 : centralFollowUpDays;
    // the whole provincial procedure, from a complete dossier to the decision: 25 working days in the published
    // provincial procedures (design notes, "Deadlines")
    procedureWorkingDays = procedureWorkingDays == null ? 25 : procedureWorkingDays;
    // orders and State honours are published for opinions before the council considers them: 10 working days
    // (Decree 98/2023 Art. 46(2) as summarised; to confirm under Decree 152/2025)
    consultationWorkingDays = consultationWorkingDays == null ? 10 : consultationWorkingDays;
    if (consultationWorkingDays <= 0) {
      throw new IllegalArgumentException("tdkt.deadlines.consultation-working-days must be positive");
    }
    if (procedureWorkingDays <= 0) {
      throw new IllegalArgumentException("tdkt.deadlines.procedure-working-days must be positive");
    }
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
