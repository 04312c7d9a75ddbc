package vn.gov.sonla.tdkt.award;

import java.time.LocalDate;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * The stable identity of a proposed subject: an individual by name, date of birth and proposing
 * unit; a collective by name and proposing unit. The name is compared on {@link VietnameseText#identity}: case,
 * spacing, Unicode composition, invisible format characters, Cyrillic and Greek look-alikes and trailing
 * punctuation do not count; diacritics do (they distinguish Vietnamese names).
 */
public final class SubjectKey {

  private SubjectKey() {}

  public static String of(SubjectKind kind, String name, LocalDate birthDate, String unitCode) {
    String normalised = VietnameseText.identity(name);
    return kind + "|" + normalised + "|" + (birthDate == null ? "" : birthDate) + "|" + unitCode;
  }

  /**
   * What is wrong with a person's birth date, in words the officer can act on; null when it is plausible
   * (from 01/01/1900, at least 15 years before today) or absent.
   */
  public static String birthDateProblem(LocalDate birthDate, LocalDate today) {
    if (birthDate == null) {
      return null;
    }
    if (birthDate.isAfter(today)) {
      return "Ngày sinh không được sau ngày hôm nay.";
    }
    if (birthDate.isAfter(today.minusYears(15))) {
      return "Ngày sinh cho thấy người được đề nghị chưa đủ 15 tuổi; kiểm tra lại ngày sinh.";
    }
    if (birthDate.isBefore(LocalDate.of(1900, 1, 1))) {
      return "Ngày sinh phải từ ngày 01/01/1900 trở đi.";
    }
    return null;
  }
}
