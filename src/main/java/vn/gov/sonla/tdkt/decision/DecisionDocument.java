package vn.gov.sonla.tdkt.decision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardedSubject;
import vn.gov.sonla.tdkt.decision.PageWriter.Style;

/**
 * Renders the Chairman's commendation decision (Quyết định khen thưởng) as an A4 PDF, laid out
 * after Nghị định 30/2020/NĐ-CP. Text is set in Liberation Sans (shipped inside PDFBox), embedded
 * as a Unicode font so that Vietnamese diacritics print and can be extracted.
 */
@Component
public class DecisionDocument {

  public static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final String PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN";
  private static final float HEADER = 12f;
  private static final float BODY = 13f;
  private static final float TITLE = 14f;
  private static final float NOTE = 11f;
  private static final float INDENT = 28f;
  private static final float PARAGRAPH_GAP = 4f;
  private static final float SIGNATURE_SPACE = 60f;

  public byte[] render(DecisionContent content) {
    Objects.requireNonNull(content, "content");
    try (PDDocument document = new PDDocument(); InputStream fontData = openFont()) {
      PDType0Font font = PDType0Font.load(document, fontData);
      try (PageWriter writer = new PageWriter(document, font)) {
        header(writer, content);
        title(writer, content);
        preamble(writer, content);
        article1(writer, content);
        article2(writer, content);
        article3(writer, content);
        signature(writer, content);
      }
      describe(document, content);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not render the PDF of decision " + content.number() + ": " + e.getMessage(), e);
    }
  }

  /** Issuer and number on the left, national name, motto, place and date on the right. */
  private void header(PageWriter w, DecisionContent c) throws IOException {
    float leftWidth = w.width() * 0.4f;
    float rightX = w.left() + leftWidth;
    float rightWidth = w.width() - leftWidth;
    float top = w.y();

    w.centred(issuerLines(c.issuer()), w.left(), leftWidth, HEADER, Style.BOLD);
    w.rule(w.left(), leftWidth, leftWidth / 3);
    w.gap(6);
    w.centred("Số: " + c.number(), w.left(), leftWidth, BODY, Style.REGULAR);
    float leftBottom = w.y();

    w.moveTo(top);
    w.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightX, rightWidth, HEADER, Style.BOLD);
    String motto = "Độc lập - Tự do - Hạnh phúc";
    w.centred(motto, rightX, rightWidth, BODY, Style.BOLD);
    w.rule(rightX, rightWidth, w.textWidth(motto, BODY));
    w.gap(6);
    w.centred(dateLine(c.place(), c.date()), rightX, rightWidth, BODY, Style.ITALIC);

    w.moveTo(Math.min(leftBottom, w.y()));
  }

  private void title(PageWriter w, DecisionContent c) throws IOException {
    w.gap(24);
    w.centred("QUYẾT ĐỊNH", w.left(), w.width(), TITLE, Style.BOLD);
    w.centred("Về việc tặng " + c.awardName(), w.left(), w.width(), TITLE, Style.BOLD);
    w.rule(w.left(), w.width(), 80);
    w.gap(14);
    String authority = c.signerTitle() + " " + c.issuer();
    w.centred(authority.toUpperCase(VIETNAMESE), w.left(), w.width(), BODY, Style.BOLD);
    w.gap(8);
  }

  /** The "Căn cứ ..." lines and the proposal the decision answers. */
  private void preamble(PageWriter w, DecisionContent c) throws IOException {
    italic(w, "Căn cứ Luật Tổ chức chính quyền địa phương;");
    italic(w, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;");
    if (c.legalBasis() != null && !c.legalBasis().isBlank()) {
      String basis = c.legalBasis().strip();
      italic(w, (basis.toLowerCase(VIETNAMESE).startsWith("căn cứ") ? basis : "Căn cứ " + basis) + ";");
    }
    italic(w, "Xét đề nghị của " + c.proposingUnit() + " và Giám đốc Sở Nội vụ.");
    w.gap(8);
    w.centred("QUYẾT ĐỊNH:", w.left(), w.width(), TITLE, Style.BOLD);
    w.gap(6);
  }

  /** The award and the numbered list of awarded collectives and individuals. */
  private void article1(PageWriter w, DecisionContent c) throws IOException {
    article(w, "Điều 1.", "Tặng " + c.awardName() + " cho các tập thể, cá nhân sau đây, hình thức "
        + lowerFirst(c.awardKindLabel()) + " năm " + c.year() + ":");
    List<AwardedSubject> subjects = c.subjects();
    for (int i = 0; i < subjects.size(); i++) {
      AwardedSubject subject = subjects.get(i);
      String name = (i + 1) + ". " + subject.name();
      boolean hasDetails = subject.details() != null && !subject.details().isBlank();
      w.keepTogether(2 * w.lineHeight(BODY));
      w.paragraph(hasDetails ? name + ", " + subject.details().strip() : name,
          BODY, INDENT, INDENT, Style.REGULAR, name);
      if (subject.achievements() != null && !subject.achievements().isBlank()) {
        w.paragraph(subject.achievements(), BODY, 2 * INDENT, 2 * INDENT, Style.REGULAR, null);
      }
      w.gap(PARAGRAPH_GAP);
    }
  }

  private void article2(PageWriter w, DecisionContent c) throws IOException {
    article(w, "Điều 2.", "Các tập thể, cá nhân có tên tại Điều 1 được tặng " + c.awardName()
        + " kèm theo tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng.");
  }

  private void article3(PageWriter w, DecisionContent c) throws IOException {
    article(w, "Điều 3.", "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân"
        + " tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng " + c.proposingUnit()
        + " và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.");
  }

  /** Recipients at the bottom left, signer's title and name at the bottom right. */
  private void signature(PageWriter w, DecisionContent c) throws IOException {
    w.gap(12);
    w.keepTogether(2 * w.lineHeight(BODY) + SIGNATURE_SPACE);
    float half = w.width() / 2;
    float top = w.y();

    w.centred(c.signerTitle().toUpperCase(VIETNAMESE), w.left() + half, half, BODY, Style.BOLD);
    w.gap(SIGNATURE_SPACE);
    w.centred(c.signerName(), w.left() + half, half, BODY, Style.BOLD);
    float rightBottom = w.y();

    w.moveTo(top);
    w.paragraph("Nơi nhận:", HEADER, 0, 0, Style.REGULAR, "Nơi nhận:");
    w.paragraph("- Như Điều 3;", NOTE, 0, 8, Style.REGULAR, null);
    w.paragraph("- Lưu: VT, SNV.", NOTE, 0, 8, Style.REGULAR, null);

    w.moveTo(Math.min(rightBottom, w.y()));
  }

  private void describe(PDDocument document, DecisionContent c) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("Quyết định " + c.number());
    info.setAuthor(c.issuer());
    info.setSubject("Về việc tặng " + c.awardName());
    info.setCreationDate(Calendar.getInstance());
    document.getDocumentCatalog().setLanguage("vi");
  }

  private void article(PageWriter w, String lead, String text) throws IOException {
    w.paragraph(lead + " " + text, BODY, INDENT, 0, Style.REGULAR, lead);
    w.gap(PARAGRAPH_GAP);
  }

  private void italic(PageWriter w, String text) throws IOException {
    w.paragraph(text, BODY, INDENT, 0, Style.ITALIC, null);
    w.gap(PARAGRAPH_GAP);
  }

  /** "Sơn La, ngày 05 tháng 3 năm 2025". */
  static String dateLine(String place, LocalDate date) {
    return place + ", " + date(date);
  }

  /** "ngày 05 tháng 3 năm 2025": Nghị định 30/2020 pads days below 10 and months 1-2. */
  static String date(LocalDate date) {
    int month = date.getMonthValue();
    return String.format("ngày %02d tháng %s năm %d", date.getDayOfMonth(),
        month <= 2 ? "0" + month : Integer.toString(month), date.getYear());
  }

  /** "ỦY BAN NHÂN DÂN TỈNH SƠN LA" is printed on two lines, as "ỦY BAN NHÂN DÂN" / "TỈNH SƠN LA". */
  private static String issuerLines(String issuer) {
    String upper = issuer.strip().toUpperCase(VIETNAMESE);
    return upper.startsWith(PEOPLES_COMMITTEE + " ")
        ? PEOPLES_COMMITTEE + "\n" + upper.substring(PEOPLES_COMMITTEE.length() + 1)
        : upper;
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(VIETNAMESE) + text.substring(1);
  }

  /** The font file, read from the classpath once (an immutable copy is handed out per document). */
  static InputStream openFont() {
    return new ByteArrayInputStream(FontData.BYTES);
  }

  private static final class FontData {
    static final byte[] BYTES = read();

    private static byte[] read() {
      try (InputStream font = DecisionDocument.class.getResourceAsStream(FONT_RESOURCE)) {
        if (font == null) {
          throw new IllegalStateException("Font " + FONT_RESOURCE + " is missing from the classpath");
        }
        return font.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the font " + FONT_RESOURCE, e);
      }
    }
  }
}
