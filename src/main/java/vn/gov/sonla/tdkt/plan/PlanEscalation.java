package vn.gov.sonla.tdkt.plan;

import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.appraisal.AppraisalProperties;

/** Who receives overdue plan items: the head of the commendation division of home-affairs. */
@Component("planEscalation")
public class PlanEscalation {

  private final AppraisalProperties properties;

  public PlanEscalation(AppraisalProperties properties) {
    this.properties = properties;
  }

  public String head() {
    return properties.leadUser();
  }
}
