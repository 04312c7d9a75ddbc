package vn.gov.sonla.tdkt.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.signing}: the organisation's PKCS#12 keystore and its password (environment
 * {@code TDKT_SIGNING_KEYSTORE}, {@code TDKT_SIGNING_PASSWORD}); {@code demoKeystore}: where the demo profile keeps
 * the self-signed demo certificate it makes at first start (used only when no keystore is given).
 */
@ConfigurationProperties("tdkt.signing")
public record SigningProperties(String keystore, String password, String demoKeystore, String organisation) {

  public SigningProperties {
    organisation = organisation == null || organisation.isBlank() ? "Ủy ban nhân dân tỉnh Sơn La" : organisation;
  }

  boolean configured() {
    return keystore != null && !keystore.isBlank();
  }

  boolean demo() {
    return demoKeystore != null && !demoKeystore.isBlank();
  }
}
