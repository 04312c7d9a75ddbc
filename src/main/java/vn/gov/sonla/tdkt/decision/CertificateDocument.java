package vn.gov.sonla.tdkt.decision;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.pdf.PageWriter;
import vn.gov.sonla.tdkt.pdf.PageWriter.Style;
import vn.gov.sonla.tdkt.pdf.StateFormat;

/**
 * Renders a certificate of merit (bằng khen) as an A4 landscape PDF from a Mustache template
 * ({@code tdkt.certificate.template}), read and checked once, at start-up.
 *
 * <p>The template is line-oriented text. Once its placeholders are filled in (see
 * {@link CertificateContent}), each line is centred on the page and wrapped within the margins
 * when too long; the whole block is centred vertically in a frame, and set smaller when it would not
 * fit on one page. A line may start with a marker:
 * <ul>
 *   <li>{@code # text}: title, 34 pt bold;</li>
 *   <li>{@code ## text}: heading, 18 pt bold;</li>
 *   <li>{@code **text}: body text in bold (a closing {@code **} is allowed and not printed);</li>
 *   <li>{@code _text}: body text in italics (a closing {@code _} is allowed and not printed);</li>
 *   <li>no marker: body text, 14 pt;</li>
 *   <li>{@code >} before any of the above: centred in the right half of the page (the signature);</li>
 *   <li>{@code ---} alone: a short rule under the line above, as long as that line.</li>
 * </ul>
 * An empty line of the template adds 10 pt of space (several add up). A line that comes out empty
 * once filled in (e.g. no position for a collective) is left out. Values are printed as they are
 * (no HTML escaping), each on one line: line breaks inside a value become spaces. Mustache sections
 * work as usual, an empty value counting as false: {@code {{#place}}{{place}}, {{/place}}} prints
 * nothing without a place. A template that is missing, does not compile or names an unknown
 * placeholder fails the start-up.
 */
@Component
public class CertificateDocument {

  static final PageWriter.Layout LAYOUT = new PageWriter.Layout(
      new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()), 64f, 64f, 56f, 56f, false);

  static final float TITLE = 34f;
  static final float HEADING = 18f;
  static final float BODY = 14f;
  static final float GAP = 10f;
  private static final float RULE_GAP = 6f;
  static final float MIN_SCALE = 0.6f;

  /** Stands for an empty line of the template until the filled-in text is laid out. */
  private static final String GAP_MARK = "\uE000";

  private static final Mustache.Compiler COMPILER = Mustache.compiler()
      .withEscaper(value -> value.replace(GAP_MARK, "").strip().replaceAll("\\s+", " "))
      .nullValue("")
      .emptyStringIsFalse(true);

  /** Filled into the template at start-up, so that an unknown placeholder fails early. */
  private static final CertificateContent SAMPLE = new CertificateContent("ỦY BAN NHÂN DÂN TỈNH SƠN LA",
      "Bằng khen của Chủ tịch UBND tỉnh", "Nguyễn Thị Hương", "Giáo viên, Trường THPT Chiềng Sinh",
      "xuất sắc trong công tác giảng dạy", "1/QĐ-UBND", LocalDate.of(2025, 1, 2), "Sơn La", "CHỦ TỊCH",
      "Cầm Ngọc Đức");

  private final Template template;

  @Autowired
  public CertificateDocument(CertificateProperties properties) {
    this(properties.template());
  }

  CertificateDocument(Resource resource) {
    Objects.requireNonNull(resource, "tdkt.certificate.template");
    String origin = "The certificate template " + resource.getDescription() + " (tdkt.certificate.template)";
    String text = read(resource, origin);
    try {
      template = COMPILER.compile(markGaps(text));
      template.execute(SAMPLE.placeholders());
    } catch (MustacheParseException e) {
      throw new IllegalStateException(origin + " does not compile: " + e.getMessage(), e);
    } catch (MustacheException e) {
      throw new IllegalStateException(origin + " cannot be filled in: " + e.getMessage()
          + "; the placeholders are " + String.join(", ", SAMPLE.placeholders().keySet()), e);
    }
  }

  public byte[] render(CertificateContent content) {
    Objects.requireNonNull(content, "content");
    List<Line> lines = lines(content);
    try (PDDocument document = new PDDocument()) {
      // the state format's font: Liberation Serif, each style in its own face
      try (PageWriter writer = new PageWriter(document, StateFormat.fonts(document), LAYOUT)) {
        write(writer, lines);
      }
      frame(document);
      describe(document, content);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not render the certificate of " + content.subjectName() + ": " + e.getMessage(), e);
    }
  }

  /** The filled-in template, line by line, without the space before the first line and after the last. */
  List<Line> lines(CertificateContent content) {
    List<Line> lines = new ArrayList<>();
    for (String raw : template.execute(content.placeholders()).split("\n")) {
      Line line = Line.parse(raw);
      if (line != null) {
        lines.add(line);
      }
    }
    while (!lines.isEmpty() && lines.get(0).kind() == Kind.GAP) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).kind() == Kind.GAP) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /**
   * Lays the lines out centred on the page; a text too long for one page is set smaller, down to
   * {@link #MIN_SCALE} of the sizes, before it flows onto a second page.
   */
  private static void write(PageWriter w, List<Line> lines) throws IOException {
    float scale = 1f;
    float height = height(w, lines, scale);
    while (height > w.height() && scale > MIN_SCALE) {
      scale = Math.max(MIN_SCALE, scale - 0.05f);
      height = height(w, lines, scale);
    }
    if (height < w.height()) {
      w.gap((w.height() - height) / 2);
    }
    float lastWidth = 0;
    for (Line line : lines) {
      float x = line.right() ? w.left() + w.width() / 2 : w.left();
      float width = columnWidth(w, line);
      switch (line.kind()) {
        case GAP -> w.gap(GAP * scale);
        case RULE -> {
          w.rule(x, width, Math.min(width, lastWidth));
          w.gap(RULE_GAP);
        }
        case TEXT -> {
          w.centred(line.text(), x, width, line.size() * scale, line.style());
          lastWidth = w.textWidth(line.text(), line.size() * scale);
        }
      }
    }
  }

  private static float height(PageWriter w, List<Line> lines, float scale) throws IOException {
    float height = 0;
    for (Line line : lines) {
      float size = line.size() * scale;
      height += switch (line.kind()) {
        case GAP -> GAP * scale;
        case RULE -> RULE_GAP;
        case TEXT -> w.wrap(line.text(), size, columnWidth(w, line), columnWidth(w, line)).size() * w.lineHeight(size);
      };
    }
    return height;
  }

  private static float columnWidth(PageWriter w, Line line) {
    return line.right() ? w.width() / 2 : w.width();
  }

  /** A double frame on every page, in the red of the national emblem's border. */
  private static void frame(PDDocument document) throws IOException {
    for (PDPage page : document.getPages()) {
      PDRectangle box = page.getMediaBox();
      try (PDPageContentStream stream = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        stream.setStrokingColor(0.65f, 0.1f, 0.1f);
        for (float[] inset : new float[][] {{22f, 2.4f}, {28f, 0.7f}}) {
          stream.setLineWidth(inset[1]);
          stream.addRect(inset[0], inset[0], box.getWidth() - 2 * inset[0], box.getHeight() - 2 * inset[0]);
          stream.stroke();
        }
      }
    }
  }

  private static void describe(PDDocument document, CertificateContent c) {
    var info = document.getDocumentInformation();
    info.setTitle("Bằng khen - " + c.subjectName());
    info.setAuthor(c.issuer());
    info.setSubject(c.awardName() + " (Quyết định số " + c.decisionNumber() + ")");
    info.setCreationDate(Calendar.getInstance());
    document.getDocumentCatalog().setLanguage("vi");
  }

  private static String read(Resource resource, String origin) {
    if (!resource.exists()) {
      throw new IllegalStateException(origin + " does not exist");
    }
    try (InputStream in = resource.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new IllegalStateException(origin + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Empty lines of the template become {@link #GAP_MARK}, told apart from lines emptied by filling in. */
  private static String markGaps(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("(?m)^[ \\t]*$", GAP_MARK);
  }

  enum Kind { TEXT, GAP, RULE }

  /** A line of the filled-in template as laid out. */
  record Line(Kind kind, String text, float size, Style style, boolean right) {

    private static final Pattern MARKERS = Pattern.compile("(>)?\\s*(?:(##|#)(?=\\s|$)|(\\*\\*|_))?(.*)");

    /** The line, or null for one with nothing to print. */
    static Line parse(String raw) {
      String line = raw.strip();
      if (line.equals(GAP_MARK)) {
        return new Line(Kind.GAP, "", 0, Style.REGULAR, false);
      }
      Matcher m = MARKERS.matcher(line);
      if (!m.matches()) {
        throw new IllegalStateException("Unmatched line " + line);
      }
      boolean right = m.group(1) != null;
      String size = m.group(2);
      String style = m.group(3);
      String text = m.group(4).strip();
      if (size == null && style == null && text.equals("---")) {
        return new Line(Kind.RULE, "", 0, Style.REGULAR, right);
      }
      if (style != null && text.endsWith(style)) {
        text = text.substring(0, text.length() - style.length()).strip();
      }
      if (text.isEmpty()) {
        return null;
      }
      if (size != null) {
        return new Line(Kind.TEXT, text, size.equals("#") ? TITLE : HEADING, Style.BOLD, right);
      }
      return new Line(Kind.TEXT, text, BODY, "**".equals(style) ? Style.BOLD : "_".equals(style) ? Style.ITALIC
          : Style.REGULAR, right);
    }
  }
}
