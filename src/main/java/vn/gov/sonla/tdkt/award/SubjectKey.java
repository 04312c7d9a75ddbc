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
}
