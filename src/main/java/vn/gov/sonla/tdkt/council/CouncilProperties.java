package vn.gov.sonla.tdkt.council;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Council sessions: how many working days the members have to cast their ballots (default 5), and each member's
 * title in the council by user id ({@code tdkt.council.titles}), e.g. "Phó Chủ tịch UBND tỉnh – Chủ tịch Hội đồng",
 * shown on the council page and in the minutes.
 */
@ConfigurationProperties("tdkt.council")
public record CouncilProperties(Integer ballotWorkingDays, Map<String, String> titles) {

  public CouncilProperties {
    ballotWorkingDays = ballotWorkingDays == null ? 5 : ballotWorkingDays;
    if (ballotWorkingDays <= 0) {
      throw new IllegalArgumentException("tdkt.council.ballot-working-days must be positive");
    }
    titles = titles == null ? Map.of() : Map.copyOf(titles);
  }

  /** The member's title in the council, or null. */
  public String title(String userId) {
    String title = userId == null ? null : titles.get(userId);
    return title == null || title.isBlank() ? null : title.strip();
  }
}
