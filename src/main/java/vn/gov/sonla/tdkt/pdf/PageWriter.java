package vn.gov.sonla.tdkt.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes wrapped lines of text top-down on pages of a {@link Layout} (A4 portrait for decisions),
 * starting a new page when the current one is full. With a {@link Fonts family} of four faces
 * (the state format's Liberation Serif, {@link StateFormat#fonts}) each style is set in its own face;
 * with a single font, bold and italic are simulated (stroked outline, slanted text matrix).
 */
public final class PageWriter implements Closeable {

  public enum Style { REGULAR, BOLD, ITALIC, BOLD_ITALIC }

  /** The faces of one family, embedded in one document; {@code synthetic} when all four are the same font. */
  public record Fonts(PDType0Font regular, PDType0Font bold, PDType0Font italic, PDType0Font boldItalic,
      boolean synthetic) {

    /** One font for every style, bold and italic simulated. */
    public static Fonts single(PDType0Font font) {
      return new Fonts(font, font, font, font, true);
    }

    PDType0Font of(Style style) {
      return switch (style) {
        case REGULAR -> regular;
        case BOLD -> bold;
        case ITALIC -> italic;
        case BOLD_ITALIC -> boldItalic;
      };
    }
  }

  /** Page size and margins, in points; whether pages from the second on are numbered. */
  public record Layout(PDRectangle page, float left, float right, float top, float bottom, boolean pageNumbers) {

    // Nghị định 30/2020/NĐ-CP: left margin 30-35 mm, right 15-20 mm, top and bottom 20-25 mm.
    static final Layout DECISION = new Layout(PDRectangle.A4, 85f, 57f, 62f, 62f, true);
  }

  private static final float LEADING = 1.3f;
  private static final float ITALIC_SLANT = 0.2f;
  private static final float BOLD_STROKE = 0.035f;

  private final PDDocument document;
  private final Fonts fonts;
  private final java.util.Map<PDType0Font, ShapedText> shaped = new java.util.HashMap<>();
  private final java.util.Map<PDType0Font, GlyphWidths> widths = new java.util.HashMap<>();
  private final Layout layout;
  private PDPageContentStream stream;
  private float y;

  public PageWriter(PDDocument document, PDType0Font font) throws IOException {
    this(document, font, Layout.DECISION);
  }

  public PageWriter(PDDocument document, PDType0Font font, Layout layout) throws IOException {
    this(document, Fonts.single(font), layout);
  }

  public PageWriter(PDDocument document, Fonts fonts, Layout layout) throws IOException {
    this.document = document;
    this.fonts = fonts;
    for (Style style : Style.values()) {
      PDType0Font font = fonts.of(style);
      shaped.computeIfAbsent(font, ShapedText::new);
      widths.computeIfAbsent(font, GlyphWidths::new);
    }
    this.layout = layout;
    newPage();
  }

  public Layout layout() {
    return layout;
  }

  public float left() {
    return layout.left();
  }

  public float width() {
    return layout.page().getWidth() - layout.left() - layout.right();
  }

  /** The top of the text area, where {@link #y()} stands on a new page. */
  public float top() {
    return layout.page().getHeight() - layout.top();
  }

  /** Height of the text area of a page. */
  public float height() {
    return top() - layout.bottom();
  }

  public float y() {
    return y;
  }

  public void moveTo(float y) {
    this.y = y;
  }

  public void gap(float points) {
    y -= points;
  }

  /** Starts a new page (an attached list, an annex). */
  public void pageBreak() throws IOException {
    newPage();
  }

  /** Starts a new page unless {@code height} points still fit on the current one. */
  public void keepTogether(float height) throws IOException {
    if (y - height < layout.bottom()) {
      newPage();
    }
  }

  /**
   * A left-aligned paragraph across the text width, continued on the next page when needed;
   * {@code boldLead}, when the text starts with it (e.g. "Điều 1."), is printed bold.
   */
  public void paragraph(String text, float size, float firstIndent, float indent, Style style,
      String boldLead) throws IOException {
    List<String> lines = wrap(text, size, width() - firstIndent, width() - indent, style);
    String lead = boldLead == null ? null : printable(boldLead).strip().replaceAll("\\s+", " ");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      float x = left() + (i == 0 ? firstIndent : indent);
      nextLine(size);
      if (i == 0 && lead != null && line.startsWith(lead)) {
        Style leadStyle = style == Style.ITALIC || style == Style.BOLD_ITALIC ? Style.BOLD_ITALIC : Style.BOLD;
        show(lead, x, size, leadStyle);
        x += textWidth(lead, size, leadStyle);
        line = line.substring(lead.length());
      }
      show(line, x, size, style);
    }
  }

  /** Lines centred within the column {@code [x, x + width]}, balanced in length. */
  public void centred(String text, float x, float width, float size, Style style) throws IOException {
    List<String> lines = wrap(text, size, width, width, style);
    for (float narrower = width - 4; lines.size() > 1 && narrower > 0; narrower -= 4) {
      List<String> candidate = wrap(text, size, narrower, narrower, style);
      if (candidate.size() > lines.size()) {
        break;
      }
      lines = candidate;
    }
    for (String line : lines) {
      nextLine(size);
      show(line, x + (width - textWidth(line, size, style)) / 2, size, style);
    }
  }

  /**
   * A row of a list: {@code text} wrapped within {@code [left + indent, left + textWidth]}, and {@code cell} (e.g. an
   * amount) right-aligned at the text area's right edge on the row's first line. The row is kept on one page.
   */
  public void row(String text, float size, float indent, float textWidth, String cell, Style style)
      throws IOException {
    List<String> lines = wrap(text, size, textWidth - indent, textWidth - indent, style);
    keepTogether(lines.size() * lineHeight(size));
    for (int i = 0; i < lines.size(); i++) {
      nextLine(size);
      show(lines.get(i), left() + indent, size, style);
      if (i == 0 && cell != null && !cell.isEmpty()) {
        show(cell, left() + width() - textWidth(cell, size, style), size, style);
      }
    }
  }

  /** One line right-aligned at {@code right} (no wrapping). */
  public void rightAligned(String text, float right, float size, Style style) throws IOException {
    nextLine(size);
    show(text, right - textWidth(text, size, style), size, style);
  }

  /** One line starting at {@code x} (no wrapping): a cell of a table row. */
  public void at(String text, float x, float size, Style style) throws IOException {
    show(text, x, size, style);
  }

  /** A short horizontal rule centred in the column, just below the last line written. */
  public void rule(float x, float width, float length) throws IOException {
    float ruleY = y - 6;
    stream.setLineWidth(0.6f);
    stream.moveTo(x + (width - length) / 2, ruleY);
    stream.lineTo(x + (width + length) / 2, ruleY);
    stream.stroke();
  }

  public float lineHeight(float size) {
    return size * LEADING;
  }

  public float textWidth(String text, float size) throws IOException {
    return textWidth(text, size, Style.REGULAR);
  }

  public float textWidth(String text, float size, Style style) throws IOException {
    PDType0Font font = fonts.of(style);
    return scaled(widths.get(font).of(printable(text, font)), size);
  }

  private static float scaled(float width, float size) {
    return width / 1000f * size;
  }

  /**
   * Greedy word wrap; line breaks in the text are kept, over-long words are cut. A candidate line's width is the
   * line's width so far plus the space and the word, added glyph by glyph in the same order as measuring the
   * whole candidate would add them, so the same lines come out without measuring every line prefix again.
   */
  public List<String> wrap(String text, float size, float firstWidth, float width) throws IOException {
    return wrap(text, size, firstWidth, width, Style.REGULAR);
  }

  /** {@link #wrap(String, float, float, float)} measured in the face of {@code style}. */
  public List<String> wrap(String text, float size, float firstWidth, float width, Style style) throws IOException {
    PDType0Font font = fonts.of(style);
    GlyphWidths widths = this.widths.get(font);
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(text, font).strip().split("\\s*\\R\\s*")) {
      String line = "";
      float lineWidth = 0f;
      for (String word : paragraph.split("\\s+")) {
        float available = lines.isEmpty() ? firstWidth : width;
        String candidate = line.isEmpty() ? word : line + " " + word;
        float candidateWidth = line.isEmpty() ? widths.add(0f, word) : widths.add(widths.add(lineWidth, " "), word);
        if (scaled(candidateWidth, size) <= available) {
          line = candidate;
          lineWidth = candidateWidth;
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line);
          available = width;
        }
        while (word.length() > 1 && textWidth(word, size, style) > available) {
          int cut = word.length() - 1;
          while (cut > 1 && textWidth(word.substring(0, cut), size, style) > available) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
          available = width;
        }
        line = word;
        lineWidth = widths.add(0f, word);
      }
      lines.add(line);
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    stream.close();
    if (layout.pageNumbers()) {
      numberPages();
    }
  }

  private void nextLine(float size) throws IOException {
    if (y - lineHeight(size) < layout.bottom()) {
      newPage();
    }
    y -= lineHeight(size);
  }

  private void show(String text, float x, float size, Style style) throws IOException {
    PDType0Font font = fonts.of(style);
    boolean bold = style == Style.BOLD || style == Style.BOLD_ITALIC;
    boolean italic = style == Style.ITALIC || style == Style.BOLD_ITALIC;
    stream.beginText();
    stream.setFont(font, size);
    stream.setRenderingMode(fonts.synthetic() && bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
    stream.setLineWidth(size * BOLD_STROKE);
    stream.setTextMatrix(new Matrix(1, 0, fonts.synthetic() && italic ? ITALIC_SLANT : 0, 1, x, y));
    shaped.get(font).show(stream, printable(text, font));
    stream.endText();
  }

  private void newPage() throws IOException {
    if (stream != null) {
      stream.close();
    }
    PDPage page = new PDPage(layout.page());
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    y = top();
  }

  /** Page numbers centred in the top margin, from the second page on (Nghị định 30/2020). */
  private void numberPages() throws IOException {
    for (int i = 1; i < document.getNumberOfPages(); i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream numbers =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        stream = numbers;
        y = layout.page().getHeight() - layout.top() / 2;
        String number = Integer.toString(i + 1);
        show(number, (layout.page().getWidth() - textWidth(number, 12)) / 2, 12, Style.REGULAR);
      }
    }
  }

  /**
   * NFC-normalised, as decomposed diacritics would print as loose marks; invisible format
   * characters dropped; characters the font has no glyph for replaced by '?'.
   */
  private String printable(String text) {
    return printable(text, fonts.regular());
  }

  private static String printable(String text, PDType0Font font) {
    StringBuilder out = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\r' || cp == '\t') {
        out.appendCodePoint(cp);
      } else if (Character.getType(cp) == Character.FORMAT) {
        return; // zero-width spaces, joiners, soft hyphens, direction marks
      } else if (Character.isISOControl(cp) || font.getCmapLookup().getGlyphId(cp) == 0) {
        out.append('?');
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  /**
   * Text widths in glyph space as {@link PDType0Font#getStringWidth} computes them (the advance widths of the
   * text's characters, one code per character, added from left to right in a float), with each character's
   * width looked up once per document.
   */
  private static final class GlyphWidths {
    private final PDType0Font font;
    private final java.util.Map<Integer, Float> byCodePoint = new java.util.HashMap<>();

    GlyphWidths(PDType0Font font) {
      this.font = font;
    }

    float of(String text) throws IOException {
      return add(0f, text);
    }

    /** {@code width} plus the widths of {@code text}'s characters, in order. */
    float add(float width, String text) throws IOException {
      float sum = width;
      for (int i = 0; i < text.length(); ) {
        int codePoint = text.codePointAt(i);
        Float w = byCodePoint.get(codePoint);
        if (w == null) {
          w = font.getStringWidth(new String(Character.toChars(codePoint)));
          byCodePoint.put(codePoint, w);
        }
        sum += w;
        i += Character.charCount(codePoint);
      }
      return sum;
    }
  }
}
