package vn.gov.sonla.tdkt.council;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.sonla.tdkt.engine.HistoryPlugin;

/**
 * The secret ballot in the engine's history: history level {@value #NAME} ("full" without a council member's
 * choices: no variable event for a ballot variable ({@code approvals}), no form-field event for the submission of
 * a ballot task's form), registered by the engine adapter's {@link HistoryPlugin}.
 */
@Configuration(proxyBeanMethods = false)
public class SecretBallot {

  public static final String NAME = "full-secret-ballot";
  /** Variables that carry a member's choices (set by the ballot form, removed by the ballot box). */
  public static final Set<String> SECRET_VARIABLES = Set.of(BallotBox.APPROVALS);

  @Bean
  HistoryPlugin.Secrets secretBallotHistory() {
    return new HistoryPlugin.Secrets(NAME, SECRET_VARIABLES, Set.of(CouncilSession.BALLOT_TASK));
  }
}
