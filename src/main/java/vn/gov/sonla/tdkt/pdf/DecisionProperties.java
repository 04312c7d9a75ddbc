package vn.gov.sonla.tdkt.pdf;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.gov.sonla.tdkt.pdf.StateFormat.Signer;

/**
 * How decisions are headed, numbered and signed ({@code tdkt.decision}).
 *
 * @param issuer       issuing body, e.g. "Ủy ban nhân dân tỉnh Sơn La"
 * @param place        place of issue, e.g. "Sơn La"
 * @param signerTitle  the head's title, e.g. "Chủ tịch"
 * @param competence   {@code chairman}: the Chairman decides in his own competence (authority "CHỦ TỊCH ỦY BAN
 *                     NHÂN DÂN TỈNH …", signed "CHỦ TỊCH"); {@code committee}: the People's Committee decides as a
 *                     body ("ỦY BAN NHÂN DÂN TỈNH …", signed "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH")
 * @param deputies     user ids of the Vice-Chairmen who sign for the Chairman ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH")
 * @param numbering    {@code internal}: the system's gapless register numbers decisions; {@code clerk}: the clerk
 *                     enters the number from the office's register of documents
 * @param symbol       the symbol of a decision's number ("12/QĐ-UBND"), the register of the internal numbering
 * @param recipients   the "Nơi nhận" lines
 */
@ConfigurationProperties("tdkt.decision")
public record DecisionProperties(String issuer, String place, String signerTitle, Competence competence,
    List<String> deputies, Numbering numbering, String symbol, List<String> recipients) {

  public enum Competence { CHAIRMAN, COMMITTEE }

  public enum Numbering { INTERNAL, CLERK }

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public DecisionProperties {
    issuer = issuer == null ? "Ủy ban nhân dân tỉnh Sơn La" : issuer;
    place = place == null ? "Sơn La" : place;
    signerTitle = signerTitle == null ? "Chủ tịch" : signerTitle;
    competence = competence == null ? Competence.CHAIRMAN : competence;
    deputies = deputies == null ? List.of() : List.copyOf(deputies);
    numbering = numbering == null ? Numbering.INTERNAL : numbering;
    symbol = symbol == null || symbol.isBlank() ? "QĐ-UBND" : symbol.strip();
    recipients = recipients == null || recipients.isEmpty() ? List.of("Như Điều 3;", "Lưu: VT.")
        : List.copyOf(recipients);
  }

  public DecisionProperties(String issuer, String place, String signerTitle) {
    this(issuer, place, signerTitle, null, null, null, null, null);
  }

  /** Who decides, printed above the căn cứ lines. */
  public String authority() {
    return (competence == Competence.COMMITTEE ? issuer : signerTitle + " " + issuer).toUpperCase(VIETNAMESE);
  }

  /** The signer's block of the user: the head, or a deputy signing for the head. */
  public Signer signer(String userId, String fullName) {
    String head = signerTitle.toUpperCase(VIETNAMESE);
    List<String> own = deputies.contains(userId) ? List.of("KT. " + head, "PHÓ " + head) : List.of(head);
    if (competence == Competence.COMMITTEE) {
      String body = issuer.toUpperCase(VIETNAMESE).replaceAll("\\s+(TỈNH|THÀNH PHỐ)\\s.*$", "");
      return new Signer(java.util.stream.Stream.concat(java.util.stream.Stream.of("TM. " + body), own.stream())
          .toList(), fullName);
    }
    return new Signer(own, fullName);
  }
}
