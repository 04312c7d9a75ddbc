package vn.gov.sonla.tdkt.bloc;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;

/**
 * Who may do what across the emulation clusters and blocs ({@code @PreAuthorize("@blocAccess…")} on the controller):
 * Home Affairs opens the blocs' year; Home Affairs and inspectors read the flag holders and the dashboard. A refusal
 * is a 403 problem with its Vietnamese reason. What depends on a bloc's members, head or deputy in a year is checked
 * by {@link BlocService} with the bloc's data.
 */
@Component("blocAccess")
public class BlocAccess {

  public boolean canOpenYear(Authentication authentication) {
    return require(BlocService.manages(CurrentUserProvider.of(authentication)),
        "Chỉ Sở Nội vụ mở năm thi đua của các cụm, khối.");
  }

  public boolean canReadFlagHolders(Authentication authentication) {
    return require(BlocService.readsAll(CurrentUserProvider.of(authentication)),
        "Chỉ Sở Nội vụ, thanh tra xem danh sách đơn vị được tặng Cờ.");
  }

  public boolean canReadDashboard(Authentication authentication) {
    return require(BlocService.readsAll(CurrentUserProvider.of(authentication)),
        "Chỉ Sở Nội vụ, thanh tra xem bảng theo dõi các cụm, khối.");
  }

  private static boolean require(boolean allowed, String refusal) {
    if (!allowed) {
      throw new ForbiddenException(refusal);
    }
    return true;
  }
}
