package vn.gov.sonla.tdkt.dossier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Accent-insensitive Vietnamese text for searching: lower case, diacritics removed ({@code đ} becomes
 * {@code d}), whitespace collapsed. "Nguyễn  Văn An" and "NGUYEN VAN AN" both fold to "nguyen van an".
 */
public final class VietnameseText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  private VietnameseText() {}

  /** The folded form; {@code null} for {@code null}. */
  public static String fold(String text) {
    if (text == null) {
      return null;
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'd');
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
