package vn.gov.sonla.tdkt.audit;

import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/** Integrity of the audit trail, for inspectors, Home Affairs and administrators. */
@RestController
public class AuditController {

  private static final Set<String> ALLOWED = Set.of(Groups.AUDITORS, Groups.HOME_AFFAIRS, Groups.ADMIN);

  private final AuditLog audit;
  private final CurrentUserProvider currentUser;

  public AuditController(AuditLog audit, CurrentUserProvider currentUser) {
    this.audit = audit;
    this.currentUser = currentUser;
  }

  /**
   * Verifies the audit records' hash chain: whether any record was changed or removed (auditors, home-affairs,
   * administrators).
   */
  @GetMapping("/api/audit/verify")
  public VerifyResult verify() {
    CurrentUser user = currentUser.get();
    if (user.groups().stream().noneMatch(ALLOWED::contains)) {
      throw new ForbiddenException("Chỉ thanh tra, Sở Nội vụ và quản trị viên kiểm tra được nhật ký kiểm toán.");
    }
    return audit.verify();
  }
}
