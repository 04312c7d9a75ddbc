package vn.gov.sonla.tdkt.award;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Citizen ID numbers (số định danh cá nhân / CCCD, 12 digits; old CMND, 9 digits) identify a person across
 * units, but are personal data: only their HMAC-SHA256 under the secret {@code tdkt.subjects.citizen-id-key}
 * is stored, so equal numbers match while the number cannot be read back or guessed from the database alone
 * (a plain hash of 12 digits would be found by trying them all).
 */
@Component
public class CitizenIds {

  private final HmacUtils hmac;

  public CitizenIds(@Value("${tdkt.subjects.citizen-id-key:}") String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("tdkt.subjects.citizen-id-key (TDKT_CITIZEN_ID_KEY) must be set: the secret"
          + " under which citizen ID numbers are hashed");
    }
    this.hmac = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key);
  }

  /** Whether the text is a citizen ID number (12 digits, or 9 for an old identity card), spaces ignored. */
  public static boolean valid(String number) {
    String digits = normalise(number);
    return digits.matches("\\d{12}|\\d{9}");
  }

  public String hash(String number) {
    return hmac.hmacHex(normalise(number));
  }

  private static String normalise(String number) {
    return number == null ? "" : number.replaceAll("[\\s.-]", "");
  }
}
