package vn.gov.sonla.tdkt.award;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who may change the award catalogue and the award register ({@code @PreAuthorize("@awardAccess…")} on the
 * controllers): administrators edit the catalogue; Home Affairs and administrators review possible duplicates;
 * units' officers and Home Affairs import register rows. Which rows a person reads stays with the register's
 * queries (a unit reads its own). A refusal is a 403 problem with its Vietnamese reason.
 */
@Component("awardAccess")
public class AwardAccess {

  public boolean canEditCatalogue(Authentication authentication) {
    ForbiddenException.requireGroup(CurrentUserProvider.of(authentication), Groups.ADMIN,
        "quản trị hệ thống được sửa danh mục khen thưởng");
    return true;
  }

  public boolean canReviewDuplicates(Authentication authentication) {
    if (!provincial(CurrentUserProvider.of(authentication))) {
      throw new ForbiddenException("Chỉ Sở Nội vụ hoặc quản trị hệ thống được rà soát đối tượng trùng.");
    }
    return true;
  }

  public boolean canImport(Authentication authentication) {
    CurrentUser user = CurrentUserProvider.of(authentication);
    if (!provincial(user) && user.unitCodes().isEmpty()) {
      throw new ForbiddenException("Chỉ cán bộ đơn vị hoặc Sở Nội vụ được nhập sổ khen thưởng.");
    }
    return true;
  }

  static boolean provincial(CurrentUser user) {
    return user.groups().contains(Groups.HOME_AFFAIRS) || user.groups().contains(Groups.ADMIN);
  }
}
