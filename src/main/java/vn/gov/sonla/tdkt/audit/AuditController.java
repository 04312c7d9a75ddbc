package vn.gov.sonla.tdkt.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;

/** Integrity of the audit trail, for inspectors, Home Affairs and administrators. */
@RestController
public class AuditController {


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
  @PreAuthorize("@auditAccess.canVerify(authentication)")
  public VerifyResult verify() {
    return audit.verify();
  }
}
