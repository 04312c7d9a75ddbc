package vn.gov.sonla.tdkt.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.reports.total-working-days}: working days a dossier may take from submission (process start) to
 * its end before the report counts it late (default 25).
 */
@ConfigurationProperties("tdkt.reports")
public record ReportProperties(Integer totalWorkingDays) {

  public ReportProperties {
    totalWorkingDays = totalWorkingDays == null ? 25 : totalWorkingDays;
    if (totalWorkingDays <= 0) {
      throw new IllegalArgumentException("tdkt.reports.total-working-days must be positive");
    }
  }
}
