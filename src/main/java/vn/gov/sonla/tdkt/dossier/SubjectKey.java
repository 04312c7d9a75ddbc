package vn.gov.sonla.tdkt.dossier;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The stable identity of a proposed subject: an individual by name, date of birth and proposing
 * unit; a collective by name and proposing unit. Case, spacing and Unicode composition are
 * normalised; diacritics are kept (they distinguish Vietnamese names).
 */
public final class SubjectKey {

  private SubjectKey() {}

  public static String of(SubjectKind kind, String name, LocalDate birthDate, String unitCode) {
    String normalised = Normalizer.normalize(name.strip(), Normalizer.Form.NFC)
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.forLanguageTag("vi"));
    return kind + "|" + normalised + "|" + (birthDate == null ? "" : birthDate) + "|" + unitCode;
  }
}
