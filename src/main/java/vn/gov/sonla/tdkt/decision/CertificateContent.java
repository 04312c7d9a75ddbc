package vn.gov.sonla.tdkt.decision;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/**
 * Everything printed on a certificate of merit (bằng khen): the placeholders of its template, named
 * as the components. Optional components may be empty, never null.
 *
 * @param issuer         body in whose name the award is given, upper case, e.g. "ỦY BAN NHÂN DÂN TỈNH SƠN LA";
 *                       for a State-level award the central decider, e.g. "THỦ TƯỚNG CHÍNH PHỦ"
 * @param awardName      e.g. "Bằng khen của Chủ tịch UBND tỉnh"
 * @param subjectName    the awarded individual or collective
 * @param subjectDetails position and work unit of an individual; optional
 * @param achievements   the achievements, worded to follow "Đã có thành tích"; optional
 * @param decisionNumber e.g. "12/QĐ-UBND"
 * @param decisionDate   date of the decision, printed "ngày 05 tháng 3 năm 2025"
 * @param place          place of signature, e.g. "Sơn La"; optional (empty for State-level awards)
 * @param signerTitle    upper case, e.g. "CHỦ TỊCH"; optional (empty for State-level awards)
 * @param signerName     the Chairman who signed the decision, or the central decider
 */
public record CertificateContent(
    String issuer,
    String awardName,
    String subjectName,
    String subjectDetails,
    String achievements,
    String decisionNumber,
    LocalDate decisionDate,
    String place,
    String signerTitle,
    String signerName) {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final String ACHIEVEMENTS_LEAD = "đã có thành tích";

  public CertificateContent {
    Objects.requireNonNull(subjectName, "subjectName");
    Objects.requireNonNull(decisionNumber, "decisionNumber");
    Objects.requireNonNull(decisionDate, "decisionDate");
    issuer = Objects.requireNonNullElse(issuer, "");
    awardName = Objects.requireNonNullElse(awardName, "");
    subjectDetails = Objects.requireNonNullElse(subjectDetails, "");
    achievements = Objects.requireNonNullElse(achievements, "");
    place = Objects.requireNonNullElse(place, "");
    signerTitle = Objects.requireNonNullElse(signerTitle, "");
    signerName = Objects.requireNonNullElse(signerName, "");
  }

  /**
   * The certificate of an awarded dossier. A provincial award is given in the name of the
   * configured issuer and signed by the Chairman who signed the decision ({@code chairmanName},
   * falling back on the register's decider); a State-level award in the name of the central
   * decider recorded in the register.
   */
  public static CertificateContent of(Dossier dossier, AwardType award, AwardRecord entry, String chairmanName,
      DecisionProperties decision) {
    boolean provincial = award.level() == AwardLevel.PROVINCIAL;
    return new CertificateContent(
        upper(provincial ? decision.issuer() : entry.decidedBy()),
        award.name(),
        dossier.subjectName(),
        dossier.subjectDetails(),
        afterLead(dossier.achievements()),
        entry.decisionNumber(),
        entry.decisionDate(),
        provincial ? decision.place() : "",
        provincial ? upper(decision.signerTitle()) : "",
        provincial && chairmanName != null && !chairmanName.isBlank() ? chairmanName : entry.decidedBy());
  }

  /** The placeholders' values, by name. */
  public Map<String, Object> placeholders() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("issuer", issuer);
    values.put("awardName", awardName);
    values.put("subjectName", subjectName);
    values.put("subjectDetails", subjectDetails);
    values.put("achievements", achievements);
    values.put("decisionNumber", decisionNumber);
    values.put("decisionDate", DecisionDocument.date(decisionDate));
    values.put("place", place);
    values.put("signerTitle", signerTitle);
    values.put("signerName", signerName);
    return values;
  }

  /**
   * "Đã có thành tích xuất sắc ..." → "xuất sắc ...", "Lãnh đạo ..." → "lãnh đạo ...", so that the
   * text follows the template's own "Đã có thành tích". An acronym at the start ("THPT") is kept.
   */
  static String afterLead(String achievements) {
    if (achievements == null) {
      return "";
    }
    String text = Normalizer.normalize(achievements, Normalizer.Form.NFC).strip();
    if (text.toLowerCase(VIETNAMESE).startsWith(ACHIEVEMENTS_LEAD)) {
      text = text.substring(ACHIEVEMENTS_LEAD.length()).replaceFirst("^[\\s:]+", "");
    }
    boolean acronym = text.length() > 1 && Character.isUpperCase(text.charAt(1));
    return text.isEmpty() || acronym ? text : text.substring(0, 1).toLowerCase(VIETNAMESE) + text.substring(1);
  }

  private static String upper(String text) {
    return text == null ? "" : text.strip().toUpperCase(VIETNAMESE);
  }
}
