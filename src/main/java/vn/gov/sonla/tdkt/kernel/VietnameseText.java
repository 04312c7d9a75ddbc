package vn.gov.sonla.tdkt.kernel;

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

  /** Format characters (zero-width space, joiners, soft hyphen, word joiner, byte order mark, …): invisible. */
  private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
  /** Cyrillic and Greek letters drawn like Latin ones, mapped to the Latin letter (lower case). */
  private static final String LOOK_ALIKES_FROM = "аеорсухіјѕԁһԛԝвкмнтьӏαβεικνορτυχ";
  private static final String LOOK_ALIKES_TO   = "aeopcyxijsdhqwbkmhtblabeiknoptyx";
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+$");

  private VietnameseText() {}

  /**
   * Identifying text as stored and shown: NFC, format characters removed, every kind of space (non-breaking,
   * ideographic, figure, …) and run of spaces one plain space, no space around. Letters and punctuation stay.
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return SPACES.matcher(FORMAT.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
  }

  /**
   * The form on which two names are the same subject: {@link #clean}, lower case (Vietnamese), Cyrillic and Greek
   * look-alike letters as their Latin twin, trailing punctuation dropped. Diacritics stay: they distinguish names.
   */
  public static String identity(String text) {
    if (text == null) {
      return null;
    }
    String lower = clean(text).toLowerCase(Locale.forLanguageTag("vi"));
    StringBuilder latin = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int at = LOOK_ALIKES_FROM.indexOf(c);
      latin.append(at >= 0 ? LOOK_ALIKES_TO.charAt(at) : c);
    }
    // a look-alike base letter may now carry a combining mark: compose again
    String composed = Normalizer.normalize(latin, Normalizer.Form.NFC);
    return TRAILING_PUNCTUATION.matcher(composed).replaceAll("");
  }

  /**
   * A description of the first character that has no place in identifying text (a control character such as
   * NUL, or half of a surrogate pair), or {@code null} if there is none. {@code lineBreaks} allows tab and line
   * breaks (free text such as achievements).
   */
  public static String invalidCharacter(String text, boolean lineBreaks) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "nửa cặp thay thế U+%04X ở vị trí %d".formatted((int) c, i + 1);
      } else if (Character.getType(c) == Character.CONTROL && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
        return "ký tự điều khiển U+%04X ở vị trí %d".formatted((int) c, i + 1);
      }
    }
    return null;
  }

  public static String invalidCharacter(String text) {
    return invalidCharacter(text, false);
  }

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
