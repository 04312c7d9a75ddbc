package vn.gov.sonla.tdkt.audit;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Who may check the audit log and read the reports ({@code @PreAuthorize("@auditAccess…")} on the controllers):
 * auditors, Home Affairs and administrators; Home Affairs alone enters statistics figures. A refusal is a 403
 * problem with its Vietnamese reason.
 */
@Component("auditAccess")
public class AuditAccess {

  static final Set<String> READERS = Set.of(Groups.AUDITORS, Groups.HOME_AFFAIRS, Groups.ADMIN);

  /** Verifying the audit records' hash chain. */
  public boolean canVerify(Authentication authentication) {
    return require(anyOf(authentication, READERS),
        "Chỉ thanh tra, Sở Nội vụ và quản trị viên kiểm tra được nhật ký kiểm toán.");
  }

  /** The year's report and statistics, and their exports. */
  public boolean canReadReports(Authentication authentication) {
    return require(anyOf(authentication, READERS), "Chỉ Thanh tra, Sở Nội vụ và quản trị viên được xem báo cáo.");
  }

  /** Entering a statistics figure the system does not hold. */
  public boolean canEnterStatistics(Authentication authentication) {
    return require(anyOf(authentication, Set.of(Groups.HOME_AFFAIRS)), "Chỉ Sở Nội vụ được nhập số liệu thống kê.");
  }

  private static boolean anyOf(Authentication authentication, Set<String> groups) {
    return CurrentUserProvider.of(authentication).groups().stream().anyMatch(groups::contains);
  }

  private static boolean require(boolean allowed, String refusal) {
    if (!allowed) {
      throw new ForbiddenException(refusal);
    }
    return true;
  }
}
