package vn.gov.sonla.tdkt.legal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who may read the register of legal values and edit the working-day calendar
 * ({@code @PreAuthorize("@legalAccess…")} on the controllers): the provincial bodies and auditors read the legal
 * basis; administrators edit the calendar; everyone signed in reads the calendar. A refusal is a 403 problem with its
 * Vietnamese reason.
 */
@Component("legalAccess")
public class LegalAccess {

  public boolean canReadLegalBasis(Authentication authentication) {
    if (!CurrentUserProvider.of(authentication).readsAllDossiers()) {
      throw new ForbiddenException("Chỉ Sở Nội vụ, Hội đồng, lãnh đạo UBND tỉnh, thanh tra và quản trị hệ thống"
          + " được xem danh mục căn cứ pháp lý.");
    }
    return true;
  }

  public boolean canEditCalendar(Authentication authentication) {
    ForbiddenException.requireGroup(CurrentUserProvider.of(authentication), Groups.ADMIN,
        "quản trị hệ thống được sửa lịch ngày nghỉ");
    return true;
  }
}
