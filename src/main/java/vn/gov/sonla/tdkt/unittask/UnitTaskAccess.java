package vn.gov.sonla.tdkt.unittask;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who reads a unit's open tasks ({@code @PreAuthorize("@unitTaskAccess…")} on {@link UnitTaskController}): the
 * unit's own officers; the Department of Home Affairs, which follows the units' work on their dossiers, and the
 * auditors, who read everything — both only read. Administrators administer (Cockpit), the council and the Chairman
 * have their own tasks: refused. Another unit's officer is refused (403).
 */
@Component("unitTaskAccess")
public class UnitTaskAccess {

  public boolean canRead(Authentication authentication, String unit) {
    CurrentUser user = CurrentUserProvider.of(authentication);
    if (unit == null || unit.isBlank()) {
      if (user.unitCodes().isEmpty()) {
        throw new ForbiddenException("Chỉ cán bộ của đơn vị được xem danh sách việc của đơn vị mình.");
      }
      return true;
    }
    if (user.isOfficerOf(unit.strip()) || user.groups().contains(Groups.HOME_AFFAIRS)
        || user.groups().contains(Groups.AUDITORS)) {
      return true;
    }
    throw new ForbiddenException("Chỉ cán bộ của đơn vị này (và Sở Nội vụ) được xem việc của đơn vị.");
  }
}
