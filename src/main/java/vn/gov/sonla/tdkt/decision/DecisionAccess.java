package vn.gov.sonla.tdkt.decision;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who may do what with decision batches, decisions and State submissions ({@code @PreAuthorize("@decisionAccess…")}
 * on the controllers): Home Affairs opens batches and submissions and enters the central level's result; the
 * provincial bodies (and auditors, administrators) read; the Chairman and Home Affairs read the proposal and the
 * draft decision. A refusal is a 403 problem with its Vietnamese reason.
 */
@Component("decisionAccess")
public class DecisionAccess {

  public boolean canOpenBatch(Authentication authentication) {
    return require(user(authentication).groups().contains(Groups.HOME_AFFAIRS),
        "Chỉ Sở Nội vụ được lập đợt quyết định khen thưởng.");
  }

  public boolean canReadBatch(Authentication authentication) {
    return require(user(authentication).readsAllDossiers(), "Chỉ cơ quan cấp tỉnh xem được đợt quyết định khen thưởng.");
  }

  /** The batch's proposal (tờ trình) and draft decision. */
  public boolean canReadDrafts(Authentication authentication) {
    CurrentUser user = user(authentication);
    return require(user.groups().contains(Groups.CHAIRMAN) || user.groups().contains(Groups.HOME_AFFAIRS),
        "Chỉ Chủ tịch UBND tỉnh và Sở Nội vụ xem được tờ trình và dự thảo quyết định.");
  }

  /** The year's register of decisions. */
  public boolean canReadRegister(Authentication authentication) {
    return require(user(authentication).readsAllDossiers(), "Chỉ cơ quan cấp tỉnh xem được sổ quyết định khen thưởng.");
  }

  /** An issued decision's PDF. */
  public boolean canReadDecision(Authentication authentication) {
    return require(user(authentication).readsAllDossiers(), "Chỉ cơ quan cấp tỉnh xem được quyết định khen thưởng.");
  }

  public boolean canOpenSubmission(Authentication authentication) {
    return require(user(authentication).groups().contains(Groups.HOME_AFFAIRS), "Chỉ Sở Nội vụ được lập tờ trình.");
  }

  public boolean canReadSubmission(Authentication authentication) {
    return require(user(authentication).readsAllDossiers(), "Chỉ cơ quan cấp tỉnh xem được tờ trình.");
  }

  public boolean canEnterCentralDecision(Authentication authentication) {
    return require(user(authentication).groups().contains(Groups.HOME_AFFAIRS),
        "Chỉ Sở Nội vụ được nhập kết quả khen thưởng cấp Nhà nước.");
  }

  private static CurrentUser user(Authentication authentication) {
    return CurrentUserProvider.of(authentication);
  }

  private static boolean require(boolean allowed, String refusal) {
    if (!allowed) {
      throw new ForbiddenException(refusal);
    }
    return true;
  }
}
