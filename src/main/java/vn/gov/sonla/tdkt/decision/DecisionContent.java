package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on a Chairman's commendation decision (Quyết định khen thưởng).
 *
 * @param issuer         issuing body, e.g. "ỦY BAN NHÂN DÂN TỈNH SƠN LA" (printed upper-case)
 * @param place          place of issue, e.g. "Sơn La"
 * @param number         decision number, e.g. "12/QĐ-UBND"
 * @param date           date of signature
 * @param awardName      e.g. "Bằng khen của Chủ tịch UBND tỉnh"
 * @param awardKindLabel e.g. "Khen thưởng đột xuất"
 * @param year           year the achievements belong to
 * @param legalBasis     specific legal basis, e.g. "Luật Thi đua, khen thưởng 2022, Điều 74";
 *                       optional
 * @param proposingUnit  name of the unit that proposed the commendation
 * @param signerTitle    e.g. "CHỦ TỊCH"
 * @param signerName     full name of the signer
 * @param subjects       awarded collectives and individuals, in the order printed; at least one
 */
public record DecisionContent(
    String issuer,
    String place,
    String number,
    LocalDate date,
    String awardName,
    String awardKindLabel,
    int year,
    String legalBasis,
    String proposingUnit,
    String signerTitle,
    String signerName,
    List<AwardedSubject> subjects) {

  public DecisionContent {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(awardName, "awardName");
    Objects.requireNonNull(awardKindLabel, "awardKindLabel");
    Objects.requireNonNull(proposingUnit, "proposingUnit");
    Objects.requireNonNull(signerTitle, "signerTitle");
    Objects.requireNonNull(signerName, "signerName");
    subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("A decision must award at least one subject");
    }
  }

  /**
   * One awarded collective or individual.
   *
   * @param name         name of the collective or individual
   * @param details      position and unit, e.g. "Giáo viên Trường THPT Chiềng Sinh"; optional
   * @param achievements achievements justifying the award; optional
   */
  public record AwardedSubject(String name, String details, String achievements) {

    public AwardedSubject {
      Objects.requireNonNull(name, "name");
    }
  }
}
