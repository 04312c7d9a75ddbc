package vn.gov.sonla.tdkt.plan;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who may do what with the yearly plans ({@code @PreAuthorize("@planAccess…")} on the controller): Home Affairs
 * uploads a plan; the provincial bodies and every unit's officers read it. A refusal is a 403 problem with its
 * Vietnamese reason.
 */
@Component("planAccess")
public class PlanAccess {

  public boolean canUpload(Authentication authentication) {
    if (!CurrentUserProvider.of(authentication).groups().contains(Groups.HOME_AFFAIRS)) {
      throw new ForbiddenException("Chỉ Sở Nội vụ được tải kế hoạch lên.");
    }
    return true;
  }

  public boolean canRead(Authentication authentication) {
    CurrentUser user = CurrentUserProvider.of(authentication);
    if (!user.readsAllDossiers() && user.unitCodes().isEmpty()) {
      throw new ForbiddenException("Không có quyền xem kế hoạch.");
    }
    return true;
  }
}
