package vn.gov.sonla.tdkt.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.fontbox.ttf.gsub.GsubWorkerFactory;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.StringUtil;

/**
 * Shows text in an embedded Unicode (Type 0) font exactly as {@link PDPageContentStream#showText} does: the text
 * split at white space, each word mapped to glyphs and through the font's GSUB substitutions (ccmp, liga, clig),
 * the glyphs added to the subset, written as one {@code Tj}. The difference is the cost: PDFBox builds the regular
 * expressions of each GSUB feature anew for every word it shows (about two thirds of a decision's rendering
 * time), while here the glyphs of a word are computed once per font and reused, across documents and threads
 * (Vietnamese is written in a few thousand distinct syllables, so the memo stays small; it is bounded anyway).
 * Fonts without GSUB data go through {@code showText} unchanged.
 */
final class ShapedText {

  /** Words remembered per font; beyond this, words are shaped each time (correct, only slower). */
  static final int MAX_WORDS = 50_000;

  private static final Map<String, Map<String, List<Integer>>> GLYPHS_BY_FONT = new ConcurrentHashMap<>();
  private static final byte[] SHOW_TEXT = " Tj\n".getBytes(StandardCharsets.US_ASCII);

  private final PDType0Font font;
  private final GsubWorker gsub;
  private final Map<String, List<Integer>> glyphsByWord;

  ShapedText(PDType0Font font) {
    this.font = font;
    GsubData data = font.getGsubData();
    this.gsub = data == null || data == GsubData.NO_DATA_FOUND ? null
        : new GsubWorkerFactory().getGsubWorker(font.getCmapLookup(), data);
    // glyph ids belong to the font file: the same font (by name and script) maps a word the same way
    this.glyphsByWord = gsub == null ? null
        : GLYPHS_BY_FONT.computeIfAbsent(font.getName() + "#" + data.getLanguage() + "#" + data.getActiveScriptName(),
            k -> new ConcurrentHashMap<>());
  }

  /** Shows {@code text} at the current text position (between beginText and endText, with this font set). */
  @SuppressWarnings("deprecation") // appendRawCommands: the one public way to write an already-encoded string
  void show(PDPageContentStream stream, String text) throws IOException {
    if (gsub == null) {
      stream.showText(text);
      return;
    }
    ByteArrayOutputStream encoded = new ByteArrayOutputStream(text.length() * 2);
    Set<Integer> glyphIds = new HashSet<>();
    for (String word : StringUtil.tokenizeOnSpace(text)) {
      if (word == null) {
        continue;
      }
      if (word.length() == 1 && Character.isWhitespace(word.charAt(0))) {
        encoded.write(font.encode(word));
      } else {
        List<Integer> glyphs = glyphs(word);
        for (Integer glyphId : glyphs) {
          encoded.write(font.encodeGlyphId(glyphId));
        }
        glyphIds.addAll(glyphs);
      }
    }
    if (font.willBeSubset()) {
      font.addGlyphsToSubset(glyphIds);
      text.codePoints().forEach(font::addToSubset);
    }
    ByteArrayOutputStream command = new ByteArrayOutputStream(encoded.size() * 2 + 8);
    COSWriter.writeString(encoded.toByteArray(), command);
    command.write(SHOW_TEXT);
    stream.appendRawCommands(command.toByteArray());
  }

  /** The glyphs of one word after the GSUB substitutions, remembered. */
  List<Integer> glyphs(String word) {
    List<Integer> known = glyphsByWord.get(word);
    if (known != null) {
      return known;
    }
    List<Integer> shaped = List.copyOf(shape(word));
    if (glyphsByWord.size() < MAX_WORDS) {
      glyphsByWord.putIfAbsent(word, shaped);
    }
    return shaped;
  }

  private List<Integer> shape(String word) {
    CmapLookup cmap = font.getCmapLookup();
    List<Integer> original = new ArrayList<>(word.codePointCount(0, word.length()));
    word.codePoints().forEach(codePoint -> {
      int glyphId = cmap.getGlyphId(codePoint);
      if (glyphId <= 0) {
        throw new IllegalStateException("could not find the glyphId for the character: "
            + (Character.isValidCodePoint(codePoint) ? new String(new int[] {codePoint}, 0, 1) : "?"));
      }
      original.add(glyphId);
    });
    return gsub.applyTransforms(original);
  }
}
