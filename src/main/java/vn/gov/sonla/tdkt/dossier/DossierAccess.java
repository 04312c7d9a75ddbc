package vn.gov.sonla.tdkt.dossier;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;

/**
 * Who may do what with dossiers ({@code @PreAuthorize("@dossierAccess…")} on the controllers). Another unit's dossier
 * is answered 404 as an unknown one (its existence stays hidden), so these methods throw
 * {@link DossierNotFoundException} rather than refuse with 403. {@link DossierService} checks the same again inside
 * its transaction, because the pages and the engine's delegates reach it without the controllers.
 */
@Component("dossierAccess")
public class DossierAccess {

  private static final Set<String> SEARCHERS = Set.of(Groups.AUDITORS, Groups.HOME_AFFAIRS, Groups.ADMIN);

  private final DossierRepository dossiers;

  public DossierAccess(DossierRepository dossiers) {
    this.dossiers = dossiers;
  }

  /** The dossier exists and the user may read it (its unit's officers, the provincial bodies, auditors); else 404. */
  public boolean canRead(Authentication authentication, String code) {
    CurrentUser user = CurrentUserProvider.of(authentication);
    dossiers.find(code).filter(d -> user.canRead(d.unitCode())).orElseThrow(() -> new DossierNotFoundException(code));
    return true;
  }

  /** The user is an officer of the dossier's unit (drafts, submission, supplements, withdrawal); else 404. */
  public boolean canWork(Authentication authentication, String code) {
    CurrentUser user = CurrentUserProvider.of(authentication);
    dossiers.find(code).filter(d -> user.isOfficerOf(d.unitCode()))
        .orElseThrow(() -> new DossierNotFoundException(code));
    return true;
  }

  /** Searching every unit's dossiers: auditors, Home Affairs and administrators; else 403 with the reason. */
  public boolean canSearch(Authentication authentication) {
    if (CurrentUserProvider.of(authentication).groups().stream().noneMatch(SEARCHERS::contains)) {
      throw new ForbiddenException("Chỉ Thanh tra, Sở Nội vụ và quản trị hệ thống được tra cứu hồ sơ.");
    }
    return true;
  }
}
