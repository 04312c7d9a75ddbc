package vn.gov.sonla.tdkt.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.demo-data}: create the demo units and users (password {@code demo}); default profile only.
 * {@code tdkt.admin.password}: the administrator's password when there are no demo users (from the
 * environment, TDKT_ADMIN_PASSWORD).
 */
@ConfigurationProperties("tdkt")
public record IdentityProperties(boolean demoData, Admin admin) {
  public IdentityProperties {
    admin = admin == null ? new Admin("admin", null) : admin;
    // fail while binding the configuration, before the engine creates or migrates anything
    if (!demoData && (admin.password() == null || admin.password().isBlank())) {
      throw new IllegalStateException("TDKT_ADMIN_PASSWORD is not set: the administrator's password must come from"
          + " the environment when demo data is off (profile 'postgres'). Set TDKT_ADMIN_PASSWORD and start again.");
    }
  }

  public record Admin(String user, String password) {
    public Admin {
      user = user == null || user.isBlank() ? "admin" : user;
    }
  }
}
