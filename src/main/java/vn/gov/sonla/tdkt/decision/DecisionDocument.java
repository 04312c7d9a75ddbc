package vn.gov.sonla.tdkt.decision;

import static vn.gov.sonla.tdkt.pdf.StateFormat.BODY;
import static vn.gov.sonla.tdkt.pdf.StateFormat.INDENT;
import static vn.gov.sonla.tdkt.pdf.StateFormat.TITLE;
import static vn.gov.sonla.tdkt.pdf.StateFormat.VIETNAMESE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardGroup;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardedSubject;
import vn.gov.sonla.tdkt.decision.DecisionContent.Reward;
import vn.gov.sonla.tdkt.pdf.PageWriter;
import vn.gov.sonla.tdkt.pdf.PageWriter.Style;
import vn.gov.sonla.tdkt.pdf.StateFormat;

/**
 * Renders a commendation decision (Quyết định khen thưởng) as an A4 PDF in the state format of Nghị định
 * 30/2020/NĐ-CP ({@link StateFormat}): heading, title, the authority and its căn cứ lines, Điều 1 (the awards and
 * their subjects, in the decision itself when there are a few, otherwise in the attached list, grouped by award),
 * Điều 2 (the reward money of each subject), Điều 3 (execution), recipients and the signer's block; then the
 * attached list (danh sách kèm theo) on pages of its own, with each subject's reward and the total.
 */
@Component
public class DecisionDocument {

  /** The regular face of the state format's font (Liberation Serif), for callers that embed one font. */
  public static final String FONT_RESOURCE = StateFormat.FONT_DIR + StateFormat.FAMILY + "-Regular.ttf";

  private static final float GAP = 4f;
  private static final float AMOUNT_COLUMN = 120f;

  public byte[] render(DecisionContent content) {
    Objects.requireNonNull(content, "content");
    try (PDDocument document = new PDDocument()) {
      try (PageWriter w = new PageWriter(document, StateFormat.fonts(document), StateFormat.PORTRAIT)) {
        StateFormat.header(w, new StateFormat.Heading(null, content.issuer(), content.number(), "QĐ-UBND",
            content.place(), content.date()));
        StateFormat.title(w, "Quyết định", content.summary());
        preamble(w, content);
        article1(w, content);
        article2(w, content);
        article3(w, content);
        StateFormat.closing(w, content.recipients(), content.signer());
        if (content.attachedList()) {
          attachedList(w, content);
        }
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

  /** The authority, its căn cứ lines (each ending with ";") and the proposal (ending with "."). */
  private void preamble(PageWriter w, DecisionContent c) throws IOException {
    w.centred(c.authority().toUpperCase(VIETNAMESE), w.left(), w.width(), TITLE, Style.BOLD);
    w.gap(10);
    for (String citation : c.citations()) {
      italic(w, terminated(citation, ";"));
    }
    italic(w, terminated(c.proposal(), "."));
    w.gap(6);
    w.centred("QUYẾT ĐỊNH:", w.left(), w.width(), TITLE, Style.BOLD);
    w.gap(8);
  }

  private void article1(PageWriter w, DecisionContent c) throws IOException {
    if (c.attachedList()) {
      article(w, "Điều 1.", "Tặng thưởng cho " + counted(c.awards().stream()
          .flatMap(a -> a.subjects().stream()).toList()) + " (có danh sách kèm theo), như sau:");
      int i = 0;
      for (AwardGroup award : c.awards()) {
        i++;
        w.paragraph(i + ". " + award.awardName() + ": " + counted(award.subjects()) + ", hình thức "
            + lowerFirst(award.kindLabel()) + " năm " + award.year() + basis(award) + ";", BODY, INDENT, 0,
            Style.REGULAR, null);
        w.gap(GAP);
      }
      return;
    }
    AwardGroup award = c.awards().get(0);
    article(w, "Điều 1.", "Tặng " + award.awardName() + " cho " + counted(award.subjects()) + ", hình thức "
        + lowerFirst(award.kindLabel()) + " năm " + award.year() + basis(award) + ":");
    int i = 0;
    for (AwardedSubject subject : award.subjects()) {
      i++;
      String name = i + ". " + subject.name();
      boolean hasDetails = subject.details() != null && !subject.details().isBlank();
      w.keepTogether(2 * w.lineHeight(BODY));
      w.paragraph(hasDetails ? name + ", " + subject.details().strip() : name, BODY, INDENT, INDENT, Style.REGULAR,
          name);
      if (subject.achievements() != null && !subject.achievements().isBlank()) {
        w.paragraph(subject.achievements(), BODY, 2 * INDENT, 2 * INDENT, Style.REGULAR, null);
      }
      w.gap(GAP);
    }
  }

  /** The reward of each subject: coefficient × base salary on the signing date. */
  private void article2(PageWriter w, DecisionContent c) throws IOException {
    List<AwardedSubject> subjects = c.awards().stream().flatMap(a -> a.subjects().stream()).toList();
    Reward any = subjects.stream().map(AwardedSubject::reward).filter(Objects::nonNull).findFirst().orElse(null);
    if (any == null) {
      article(w, "Điều 2.", "Các tập thể, cá nhân có tên tại Điều 1 được tặng hình thức khen thưởng nêu trên,"
          + " không kèm theo tiền thưởng.");
      return;
    }
    String salary = "mức lương cơ sở " + money(any.baseSalary()) + " theo " + citation(any.basis());
    if (c.attachedList()) {
      article(w, "Điều 2.", "Mỗi tập thể, cá nhân có tên tại Điều 1 được kèm theo tiền thưởng bằng hệ số của hình"
          + " thức khen thưởng nhân với " + salary + ", mức cụ thể của từng tập thể, cá nhân ghi tại danh sách kèm"
          + " theo. Tổng số tiền thưởng: " + money(c.totalReward()) + ".");
      return;
    }
    article(w, "Điều 2.", "Các tập thể, cá nhân có tên tại Điều 1 được kèm theo tiền thưởng (hệ số nhân với "
        + salary + "):");
    int i = 0;
    for (AwardedSubject subject : subjects) {
      i++;
      Reward r = subject.reward();
      w.paragraph(i + ". " + subject.name() + ": " + (r == null ? "không kèm theo tiền thưởng"
          : rewardLine(r)) + ";",
          BODY, INDENT, INDENT, Style.REGULAR, null);
    }
    if (subjects.size() > 1) {
      w.paragraph("Tổng số tiền thưởng: " + money(c.totalReward()) + ".", BODY, INDENT, INDENT, Style.REGULAR, null);
    }
    w.gap(GAP);
  }

  private void article3(PageWriter w, DecisionContent c) throws IOException {
    article(w, "Điều 3.", "Quyết định này có hiệu lực kể từ ngày ký. " + c.executors()
        + " và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.");
  }

  /** The attached list on a new page: the subjects grouped by award, collectives first, each with its reward. */
  private void attachedList(PageWriter w, DecisionContent c) throws IOException {
    w.pageBreak();
    w.centred("DANH SÁCH", w.left(), w.width(), TITLE, Style.BOLD);
    w.centred("Tập thể, cá nhân được khen thưởng", w.left(), w.width(), TITLE, Style.BOLD);
    w.centred("(Kèm theo Quyết định số " + (c.number() == null ? "      /QĐ-UBND" : c.number()) + " "
        + (c.date() == null ? "ngày      tháng      năm" : StateFormat.date(c.date())) + " của "
        + authorityName(c) + ")", w.left(), w.width(), BODY, Style.ITALIC);
    w.gap(3);
    w.rule(w.left(), w.width(), StateFormat.mm(30));
    w.gap(16);
    float textWidth = w.width() - AMOUNT_COLUMN;
    int roman = 0;
    for (AwardGroup award : c.awards()) {
      roman++;
      w.gap(4);
      w.keepTogether(3 * w.lineHeight(BODY));
      w.paragraph(roman(roman) + ". " + award.awardName().toUpperCase(VIETNAMESE) + " (" + award.subjects().size()
          + ")", BODY, 0, 0, Style.BOLD, null);
      List<AwardedSubject> collectives = award.subjects().stream().filter(AwardedSubject::collective).toList();
      List<AwardedSubject> individuals = award.subjects().stream().filter(s -> !s.collective()).toList();
      int part = 0;
      for (List<AwardedSubject> subjects : List.of(collectives, individuals)) {
        if (subjects.isEmpty()) {
          continue;
        }
        part++;
        w.keepTogether(2 * w.lineHeight(BODY));
        w.paragraph(part + ". " + (subjects == collectives ? "Tập thể" : "Cá nhân") + " (" + subjects.size() + ")",
            BODY, INDENT / 2, INDENT / 2, Style.BOLD, null);
        int i = 0;
        for (AwardedSubject s : subjects) {
          i++;
          String line = i + ". " + s.name() + (s.details() == null || s.details().isBlank() ? ""
              : ", " + s.details().strip()) + ";";
          w.row(line, BODY, INDENT, textWidth, s.reward() == null ? "" : money(s.reward().amount()), Style.REGULAR);
        }
      }
    }
    w.gap(8);
    w.row("Tổng số: " + counted(c.awards().stream().flatMap(a -> a.subjects().stream()).toList()), BODY, 0,
        textWidth, money(c.totalReward()), Style.BOLD);
  }

  private void describe(PDDocument document, DecisionContent c) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(c.number() == null ? "Dự thảo quyết định" : "Quyết định " + c.number());
    info.setAuthor(c.issuer());
    info.setSubject(c.summary());
    info.setCreationDate(Calendar.getInstance());
    document.getDocumentCatalog().setLanguage("vi");
  }

  private void article(PageWriter w, String lead, String text) throws IOException {
    w.keepTogether(2 * w.lineHeight(BODY));
    w.paragraph(lead + " " + text, BODY, INDENT, 0, Style.REGULAR, lead);
    w.gap(GAP);
  }

  private void italic(PageWriter w, String text) throws IOException {
    w.paragraph(text, BODY, INDENT, 0, Style.ITALIC, null);
    w.gap(GAP);
  }

  /** "Chủ tịch Ủy ban nhân dân tỉnh Sơn La" (or the issuer itself) for "Kèm theo Quyết định … của …". */
  private static String authorityName(DecisionContent c) {
    String authority = c.authority().strip().toUpperCase(VIETNAMESE);
    String issuer = c.issuer().strip();
    if (authority.equals(issuer.toUpperCase(VIETNAMESE))) {
      return issuer;
    }
    return authority.startsWith("CHỦ TỊCH ") ? "Chủ tịch " + issuer : lowerFirst(authority);
  }

  private static String basis(AwardGroup award) {
    String basis = citation(award.basis());
    return basis.isEmpty() ? "" : " (" + basis + ")";
  }

  /** "2 tập thể và 3 cá nhân", "1 cá nhân". */
  static String counted(List<AwardedSubject> subjects) {
    long collectives = subjects.stream().filter(AwardedSubject::collective).count();
    long individuals = subjects.size() - collectives;
    if (collectives > 0 && individuals > 0) {
      return String.format("%02d tập thể và %02d cá nhân", collectives, individuals);
    }
    return collectives > 0 ? String.format("%02d tập thể", collectives)
        : String.format("%02d cá nhân", individuals);
  }

  /** "2.340.000 đồng". */
  public static String money(long amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(VIETNAMESE);
    symbols.setGroupingSeparator('.');
    return new DecimalFormat("#,##0", symbols).format(amount) + " đồng";
  }

  /** "1,5" (the coefficient as printed, decimal comma). */
  static String coefficient(BigDecimal coefficient) {
    BigDecimal c = coefficient.stripTrailingZeros();
    String text = (c.scale() <= 0 ? c.setScale(1) : c).toPlainString().replace('.', ',');
    return text;
  }

  private static String terminated(String text, String end) {
    String t = text.strip();
    while (!t.isEmpty() && ";.,".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t + end;
  }

  private static String roman(int n) {
    String[] numerals = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    return n <= numerals.length ? numerals[n - 1] : Integer.toString(n);
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(VIETNAMESE) + text.substring(1);
  }

  /** "Sơn La, ngày 05 tháng 3 năm 2025". */
  static String dateLine(String place, LocalDate date) {
    return StateFormat.dateLine(place, date);
  }

  /** "ngày 05 tháng 3 năm 2025". */
  static String date(LocalDate date) {
    return StateFormat.date(date);
  }

  /** The regular face of the state font (callers that embed one font: trail exports, bloc documents). */
  static InputStream openFont() {
    return StateFormat.regularFont();
  }

  /**
   * "1,5 × 2.530.000 đồng = 3.795.000 đồng, làm tròn thành 3.800.000 đồng": the product, and the rounded amount paid
   * when the rounding rule in force changes it (tdkt.reward.rounding).
   */
  static String rewardLine(Reward r) {
    long product = vn.gov.sonla.tdkt.award.BaseSalaryProperties.amount(r.coefficient(), r.baseSalary());
    String line = coefficient(r.coefficient()) + " × " + money(r.baseSalary()) + " = " + money(product);
    return product == r.amount() ? line : line + ", làm tròn thành " + money(r.amount());
  }

  /**
   * A legal source as a document cites it: the register's review notes in parentheses ("(theo nguồn thứ cấp …; cần
   * xác nhận …)") are for the legal officer who checks the register (/legal/), not printed in an issued document.
   */
  static String citation(String basis) {
    return basis == null ? "" : basis.replaceAll("\\s*\\((?:[^()]*?)(?:theo nguồn|cần xác nhận)[^()]*\\)", "").strip();
  }
}
