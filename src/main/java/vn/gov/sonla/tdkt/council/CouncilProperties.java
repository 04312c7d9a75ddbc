package vn.gov.sonla.tdkt.council;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Council sessions: how many working days the members have to cast their ballots (default 5). */
@ConfigurationProperties("tdkt.council")
public record CouncilProperties(Integer ballotWorkingDays) {

  public CouncilProperties {
    ballotWorkingDays = ballotWorkingDays == null ? 5 : ballotWorkingDays;
    if (ballotWorkingDays <= 0) {
      throw new IllegalArgumentException("tdkt.council.ballot-working-days must be positive");
    }
  }
}
