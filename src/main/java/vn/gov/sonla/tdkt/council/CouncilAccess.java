package vn.gov.sonla.tdkt.council;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who may do what with council sessions ({@code @PreAuthorize("@councilAccess…")} on the controller): Home Affairs
 * opens them; the provincial bodies, auditors and administrators read them; council members vote. A refusal is a 403
 * problem with its Vietnamese reason. The secretary's acts (closure, written opinions, meeting totals) are checked by
 * {@link CouncilSessionService}, which the engine's tasks also reach.
 */
@Component("councilAccess")
public class CouncilAccess {

  private static final Set<String> READERS = Set.of(Groups.HOME_AFFAIRS, Groups.COUNCIL, Groups.CHAIRMAN,
      Groups.AUDITORS, Groups.ADMIN);

  public boolean canOpen(Authentication authentication) {
    return require(CurrentUserProvider.of(authentication).groups().contains(Groups.HOME_AFFAIRS),
        "Chỉ Sở Nội vụ được mở phiên họp Hội đồng.");
  }

  public boolean canRead(Authentication authentication) {
    CurrentUser user = CurrentUserProvider.of(authentication);
    return require(user.groups().stream().anyMatch(READERS::contains),
        "Bạn không có quyền xem phiên họp Hội đồng.");
  }

  public boolean canVote(Authentication authentication) {
    return require(CurrentUserProvider.of(authentication).groups().contains(Groups.COUNCIL),
        "Chỉ thành viên Hội đồng được bỏ phiếu.");
  }

  private static boolean require(boolean allowed, String refusal) {
    if (!allowed) {
      throw new ForbiddenException(refusal);
    }
    return true;
  }
}
