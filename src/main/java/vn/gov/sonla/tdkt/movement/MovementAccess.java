package vn.gov.sonla.tdkt.movement;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who may launch a thematic emulation movement ({@code @PreAuthorize("@movementAccess…")} on the controller): Home
 * Affairs. A refusal is a 403 problem with its Vietnamese reason.
 */
@Component("movementAccess")
public class MovementAccess {

  public boolean canLaunch(Authentication authentication) {
    ForbiddenException.requireGroup(CurrentUserProvider.of(authentication), Groups.HOME_AFFAIRS,
        "Sở Nội vụ được phát động phong trào");
    return true;
  }
}
