package vn.gov.sonla.tdkt.appraisal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tdkt.appraisal.lead-user}: the head of the commendation division, who receives overdue appraisals. */
@ConfigurationProperties("tdkt.appraisal")
public record AppraisalProperties(String leadUser) {}
