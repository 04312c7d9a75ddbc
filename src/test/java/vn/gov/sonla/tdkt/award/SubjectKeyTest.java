package vn.gov.sonla.tdkt.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * Issue 15, finding 11: the duplicate check compares subject names on a folded form, so that invisible or
 * look-alike characters do not make a second open dossier for the same person. Twelve variants of one name, all
 * the same key; names that differ in their diacritics stay different.
 */
class SubjectKeyTest {

  private static final LocalDate BORN = LocalDate.of(1984, 9, 2);

  private static String key(String name) {
    return SubjectKey.of(SubjectKind.INDIVIDUAL, name, BORN, "sgddt");
  }

  @Test
  void twelveVariantsOfOneNameHaveOneKey() {
    String base = key("Nguyễn Văn An");
    Map<String, String> variants = Map.ofEntries(
        Map.entry("non-breaking space", "Nguyễn\u00A0Văn An"),
        Map.entry("zero-width space", "Nguyễn Vă\u200Bn An"),
        Map.entry("soft hyphen", "Nguy\u00ADễn Văn An"),
        Map.entry("zero-width joiner", "Nguyễn Văn\u200D An"),
        Map.entry("zero-width non-joiner and word joiner", "Ngu\u200Cyễn Văn A\u2060n"),
        Map.entry("ideographic space", "Nguyễn\u3000Văn An"),
        Map.entry("Cyrillic look-alikes", "Nguyễn Văn \u0410n"), // Cyrillic capital A
        Map.entry("Cyrillic small u for y", "Ngu\u0443ễn Văn An"),
        Map.entry("trailing dot", "Nguyễn Văn An."),
        Map.entry("decomposed (NFD) and upper case", java.text.Normalizer.normalize("NGUYỄN VĂN AN",
            java.text.Normalizer.Form.NFD)),
        Map.entry("byte order mark and spaces around", "\uFEFF  Nguyễn   Văn An  "),
        Map.entry("trailing punctuation and figure space", "Nguyễn\u2007Văn An;…"));
    variants.forEach((what, name) -> assertThat(key(name)).as(what).isEqualTo(base));
    assertThat(key("Trường THCS Tô Hiệu")).isEqualTo(key("Тrường ТHCS Тô Hiệu")); // Cyrillic Т
  }

  @Test
  void diacriticsStillDistinguishNames() {
    assertThat(key("Nguyễn Văn An")).isNotEqualTo(key("Nguyên Văn An")).isNotEqualTo(key("Nguyen Van An"));
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreFound() {
    assertThat(VietnameseText.invalidCharacter("Nguyễn Văn An")).isNull();
    assertThat(VietnameseText.invalidCharacter("Nguyễn\u0000Văn An")).isNotNull();
    assertThat(VietnameseText.invalidCharacter("Nguyễn Văn An\u0007")).isNotNull();
    assertThat(VietnameseText.invalidCharacter("Nguyễn \uD800Văn An")).isNotNull();
    assertThat(VietnameseText.invalidCharacter("Nguyễn Văn An\uDC00")).isNotNull();
    assertThat(VietnameseText.invalidCharacter("Lò Văn \uD835\uDC00")).as("a proper surrogate pair").isNull();
  }

  @Test
  void theStoredNameIsCleanedNotFolded() {
    assertThat(VietnameseText.clean("\uFEFF Nguy\u00ADễn\u00A0Văn\u200B An ")).isEqualTo("Nguyễn Văn An");
  }
}
