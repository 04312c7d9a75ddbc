package vn.gov.sonla.tdkt.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.gov.sonla.tdkt.pdf.PageWriter.Fonts;
import vn.gov.sonla.tdkt.pdf.PageWriter.Layout;
import vn.gov.sonla.tdkt.pdf.PageWriter.Style;

/**
 * The state format of administrative documents, Nghị định 30/2020/NĐ-CP Appendix I ("Thể thức văn bản hành
 * chính"): Times New Roman metrics (Liberation Serif, metric-compatible and free, embedded), A4 portrait with
 * margins top and bottom 20 mm, left 30 mm, right 15 mm, and the blocks every document shares: issuing body,
 * Quốc hiệu and tiêu ngữ, number and symbol, place and date, title, recipients and the signer's block. Decisions,
 * lists, proposals, minutes and State submissions are all laid out with these blocks.
 *
 * <p>Sizes (Appendix I, section II): issuing body 13 pt bold upper case (12 pt, under its parent body in 12 pt
 * regular, when there is one); Quốc hiệu 13 pt bold upper case; tiêu ngữ 14 pt bold, underlined by a rule as long as itself; "Số:" 13 pt; place and
 * date 14 pt italic; kind of document 14 pt bold upper case and its summary 14 pt bold; body 14 pt; "Nơi nhận:"
 * 12 pt bold italic and the recipients 11 pt; the signer's authority and title 14 pt bold, the name 14 pt bold.
 */
public final class StateFormat {

  /** The four faces, in src/main/resources/fonts/liberation (SIL Open Font License 1.1, LICENSE.txt there). */
  public static final String FONT_DIR = "/fonts/liberation/";
  public static final String FAMILY = "LiberationSerif";

  public static final float ISSUER = 13f;
  public static final float NATIONAL = 13f;
  public static final float MOTTO = 14f;
  public static final float NUMBER = 13f;
  public static final float DATE = 14f;
  public static final float TITLE = 14f;
  public static final float BODY = 14f;
  public static final float RECIPIENTS_HEAD = 12f;
  public static final float RECIPIENTS = 11f;
  public static final float SIGNER = 14f;
  /** First-line indent of paragraphs (1 cm to 1.27 cm). */
  public static final float INDENT = mm(12.7f);
  /** Room for the handwritten or the image of the digital signature. */
  public static final float SIGNATURE_SPACE = 52f;

  /** A4 portrait, margins top 20, bottom 20, left 30, right 15 mm, pages numbered from the second. */
  public static final Layout PORTRAIT = new Layout(PDRectangle.A4, mm(30), mm(15), mm(20), mm(20), true);

  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final String PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN";

  private StateFormat() {}

  public static float mm(float millimetres) {
    return millimetres / 25.4f * 72f;
  }

  /** Loads Liberation Serif regular, bold, italic and bold italic into the document (embedded as subsets). */
  public static Fonts fonts(PDDocument document) throws IOException {
    return new Fonts(load(document, Face.REGULAR), load(document, Face.BOLD), load(document, Face.ITALIC),
        load(document, Face.BOLD_ITALIC), false);
  }

  /** The regular face's file, for documents that embed a single font. */
  public static InputStream regularFont() {
    return new ByteArrayInputStream(Face.REGULAR.bytes());
  }

  private static PDType0Font load(PDDocument document, Face face) throws IOException {
    return PDType0Font.load(document, new ByteArrayInputStream(face.bytes()));
  }

  /**
   * The heading of a document: issuing body (and its parent body, when it has one) with number and symbol on the
   * left, Quốc hiệu and tiêu ngữ with place and date on the right.
   *
   * @param parentBody   e.g. "ỦY BAN NHÂN DÂN TỈNH SƠN LA" above "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"; null for none
   * @param issuingBody  e.g. "Ủy ban nhân dân tỉnh Sơn La" (printed upper case, "ỦY BAN NHÂN DÂN" on a line)
   * @param number       e.g. "12/QĐ-UBND"; null prints "Số:      /…" for a draft
   */
  public record Heading(String parentBody, String issuingBody, String number, String symbol, String place,
      LocalDate date) {

    public Heading {
      Objects.requireNonNull(issuingBody, "issuingBody");
      Objects.requireNonNull(place, "place");
    }
  }

  public static void header(PageWriter w, Heading h) throws IOException {
    float leftWidth = w.width() * 0.42f;
    float rightX = w.left() + leftWidth;
    float rightWidth = w.width() - leftWidth;
    float top = w.y();

    String issuer;
    float size = ISSUER;
    if (h.parentBody() != null && !h.parentBody().isBlank()) {
      // two tiers: the parent body (its "Ủy ban nhân dân" abbreviated, as offices write it) above the issuer
      size = 12f;
      String parent = h.parentBody().strip().toUpperCase(VIETNAMESE).replaceFirst("^" + PEOPLES_COMMITTEE + " ",
          "UBND ");
      w.centred(parent, w.left(), leftWidth, size, Style.REGULAR);
      issuer = h.issuingBody().strip().toUpperCase(VIETNAMESE);
    } else {
      issuer = issuerLines(h.issuingBody());
    }
    w.centred(issuer, w.left(), leftWidth, size, Style.BOLD);
    String lastIssuerLine = issuer.substring(issuer.lastIndexOf('\n') + 1);
    w.rule(w.left(), leftWidth, w.textWidth(lastIssuerLine, size, Style.BOLD) / 2.5f);
    w.gap(8);
    w.centred("Số: " + (h.number() == null ? "      /" + (h.symbol() == null ? "" : h.symbol()) : h.number()),
        w.left(), leftWidth, NUMBER, Style.REGULAR);
    float leftBottom = w.y();

    w.moveTo(top);
    w.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightX, rightWidth, NATIONAL, Style.BOLD);
    String motto = "Độc lập - Tự do - Hạnh phúc";
    w.centred(motto, rightX, rightWidth, MOTTO, Style.BOLD);
    w.rule(rightX, rightWidth, w.textWidth(motto, MOTTO, Style.BOLD));
    w.gap(8);
    w.centred(h.date() == null ? h.place() + ", ngày      tháng      năm " : dateLine(h.place(), h.date()),
        rightX, rightWidth, DATE, Style.ITALIC);

    w.moveTo(Math.min(leftBottom, w.y()));
  }

  /** The kind of document ("QUYẾT ĐỊNH") and its summary ("Về việc …"), centred, a short rule below. */
  public static void title(PageWriter w, String kind, String summary) throws IOException {
    w.gap(22);
    w.centred(kind.toUpperCase(VIETNAMESE), w.left(), w.width(), TITLE, Style.BOLD);
    if (summary != null && !summary.isBlank()) {
      w.centred(summary, w.left(), w.width(), TITLE, Style.BOLD);
    }
    w.gap(3);
    w.rule(w.left(), w.width(), mm(30));
    w.gap(14);
  }

  /**
   * The signer's block (Appendix I, section II.8): the lines above the signature, e.g. "CHỦ TỊCH" when the head
   * signs in his own competence, "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" for a deputy, "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"
   * for the committee as a body; and the signer's full name below it.
   */
  public record Signer(List<String> lines, String name) {

    public Signer {
      lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
      Objects.requireNonNull(name, "name");
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("A signer's block needs the signer's title");
      }
    }
  }

  /** "Nơi nhận:" and its list at the bottom left, the signer's block at the bottom right, kept on one page. */
  public static void closing(PageWriter w, List<String> recipients, Signer signer) throws IOException {
    w.gap(12);
    float needed = Math.max((signer.lines().size() + 1) * w.lineHeight(SIGNER) + SIGNATURE_SPACE,
        w.lineHeight(RECIPIENTS_HEAD) + recipients.size() * w.lineHeight(RECIPIENTS));
    w.keepTogether(needed);
    float half = w.width() * 0.45f;
    float rightX = w.left() + w.width() - half - mm(5);
    float top = w.y();

    for (String line : signer.lines()) {
      w.centred(line.toUpperCase(VIETNAMESE), rightX, half, SIGNER, Style.BOLD);
    }
    w.gap(SIGNATURE_SPACE);
    w.centred(signer.name(), rightX, half, SIGNER, Style.BOLD);
    float rightBottom = w.y();

    w.moveTo(top);
    if (!recipients.isEmpty()) {
      w.paragraph("Nơi nhận:", RECIPIENTS_HEAD, 0, 0, Style.BOLD_ITALIC, null);
      for (String recipient : recipients) {
        w.paragraph("- " + recipient, RECIPIENTS, 0, 8, Style.REGULAR, null);
      }
    }
    w.moveTo(Math.min(rightBottom, w.y()));
  }

  /** "Sơn La, ngày 05 tháng 3 năm 2025". */
  public static String dateLine(String place, LocalDate date) {
    return place + ", " + date(date);
  }

  /** "ngày 05 tháng 3 năm 2025": Nghị định 30/2020 pads days below 10 and months 1-2. */
  public static String date(LocalDate date) {
    int month = date.getMonthValue();
    return String.format("ngày %02d tháng %s năm %d", date.getDayOfMonth(),
        month <= 2 ? "0" + month : Integer.toString(month), date.getYear());
  }

  /** "ỦY BAN NHÂN DÂN TỈNH SƠN LA" is printed on two lines, as "ỦY BAN NHÂN DÂN" / "TỈNH SƠN LA". */
  public static String issuerLines(String issuer) {
    String upper = issuer.strip().toUpperCase(VIETNAMESE);
    return upper.startsWith(PEOPLES_COMMITTEE + " ")
        ? PEOPLES_COMMITTEE + "\n" + upper.substring(PEOPLES_COMMITTEE.length() + 1)
        : upper;
  }

  /** The faces, read from the classpath once each (an immutable copy is handed out per document). */
  private enum Face {
    REGULAR("Regular"), BOLD("Bold"), ITALIC("Italic"), BOLD_ITALIC("BoldItalic");

    private final String resource;
    private volatile byte[] bytes;

    Face(String style) {
      this.resource = FONT_DIR + FAMILY + "-" + style + ".ttf";
    }

    byte[] bytes() {
      byte[] read = bytes;
      if (read == null) {
        try (InputStream in = StateFormat.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("Font " + resource + " is missing from the classpath");
          }
          read = in.readAllBytes();
          bytes = read;
        } catch (IOException e) {
          throw new UncheckedIOException("Could not read the font " + resource, e);
        }
      }
      return read;
    }
  }
}
