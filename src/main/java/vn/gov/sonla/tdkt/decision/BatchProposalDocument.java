package vn.gov.sonla.tdkt.decision;

import static vn.gov.sonla.tdkt.pdf.StateFormat.BODY;
import static vn.gov.sonla.tdkt.pdf.StateFormat.INDENT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardGroup;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardedSubject;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.pdf.PageWriter;
import vn.gov.sonla.tdkt.pdf.PageWriter.Style;
import vn.gov.sonla.tdkt.pdf.StateFormat;

/**
 * Renders the proposal of the Department of Home Affairs (tờ trình của Sở Nội vụ) for a decision batch in the state
 * format of Nghị định 30/2020/NĐ-CP ({@link StateFormat}, {@link PageWriter}): the department under the People's
 * Committee, "Số:      /TTr-SNV" (the department's own register numbers it), the căn cứ lines of the draft
 * decision, the round and the council's consideration, the subjects grouped by award with their rewards and the
 * total, and the Director's signer block with the name of the user {@code tdkt.decision.proposal-signer} (empty: the
 * name is left for the Director to sign by hand).
 */
@Component
public class BatchProposalDocument {

  static final String DEPARTMENT = "Sở Nội vụ";
  static final String SYMBOL = "TTr-SNV";

  private final PersonNames names;
  private final String signer;

  public BatchProposalDocument(PersonNames names, @Value("${tdkt.decision.proposal-signer:}") String signer) {
    this.names = names;
    this.signer = signer == null ? "" : signer.strip();
  }

  /** The Director's full name, family name first; empty when no signer is configured. */
  String signerName() {
    String name = signer.isEmpty() ? null : names.of(signer);
    return name == null ? "" : name;
  }

  /**
   * @param draft the draft decision of the batch ({@link DecisionComposer}), whose subjects and rewards are proposed
   * @param year  year of the round
   * @param round the round (đợt)
   * @param date  the day the proposal is made
   */
  public byte[] render(DecisionContent draft, int year, int round, LocalDate date) {
    try (PDDocument document = new PDDocument()) {
      try (PageWriter w = new PageWriter(document, StateFormat.fonts(document), StateFormat.PORTRAIT)) {
        StateFormat.header(w, new StateFormat.Heading(draft.issuer(), DEPARTMENT, null, SYMBOL, draft.place(),
            date));
        StateFormat.title(w, "Tờ trình", "Về việc đề nghị " + lowerFirst(draft.summary().replaceFirst("^Về việc ",
            "")) + " đợt " + round + " năm " + year);
        w.centred("Kính gửi: Chủ tịch " + draft.issuer() + ".", w.left(), w.width(), BODY, Style.REGULAR);
        w.gap(10);
        for (String citation : draft.citations()) {
          w.paragraph(citation.strip().replaceAll("[;.]+$", "") + ";", BODY, INDENT, 0, Style.ITALIC, null);
        }
        w.gap(4);
        w.paragraph("Hội đồng Thi đua - Khen thưởng tỉnh đã xét và đề nghị khen thưởng đợt " + round + " năm " + year
            + "; danh sách đã được công khai lấy ý kiến theo quy định. Sở Nội vụ kính trình Chủ tịch "
            + draft.issuer() + " xem xét, quyết định " + lowerFirst(draft.summary().replaceFirst("^Về việc ", ""))
            + " cho " + DecisionDocument.counted(subjects(draft)) + ", cụ thể như sau:", BODY, INDENT, 0,
            Style.REGULAR, null);
        w.gap(6);
        int roman = 0;
        for (AwardGroup award : draft.awards()) {
          roman++;
          w.keepTogether(3 * w.lineHeight(BODY));
          w.paragraph(roman + ". " + award.awardName() + " (" + award.subjects().size() + "), hình thức "
              + lowerFirst(award.kindLabel()) + " năm " + award.year() + ":", BODY, INDENT, 0, Style.BOLD, null);
          int i = 0;
          for (AwardedSubject s : award.subjects()) {
            i++;
            String line = i + ". " + s.name() + (s.details() == null || s.details().isBlank() ? ""
                : ", " + s.details().strip()) + ";";
            w.row(line, BODY, INDENT, w.width() - 120f, s.reward() == null ? "" : DecisionDocument.money(
                s.reward().amount()), Style.REGULAR);
          }
          w.gap(4);
        }
        w.row("Tổng số: " + DecisionDocument.counted(subjects(draft)) + "; tổng tiền thưởng", BODY, 0,
            w.width() - 120f,
            DecisionDocument.money(draft.totalReward()), Style.BOLD);
        w.gap(6);
        w.paragraph("(Kèm theo dự thảo Quyết định của Chủ tịch " + draft.issuer() + " và hồ sơ của từng tập thể,"
            + " cá nhân.)", BODY, INDENT, 0, Style.ITALIC, null);
        w.paragraph("Sở Nội vụ kính trình Chủ tịch " + draft.issuer() + " xem xét, quyết định./.", BODY, INDENT, 0,
            Style.REGULAR, null);
        StateFormat.closing(w, List.of("Như trên;", "Lưu: VT, TĐKT."),
            new StateFormat.Signer(List.of("GIÁM ĐỐC"), signerName()));
      }
      document.getDocumentInformation().setTitle("Tờ trình đề nghị khen thưởng đợt " + round + " năm " + year);
      document.getDocumentInformation().setAuthor(DEPARTMENT);
      document.getDocumentCatalog().setLanguage("vi");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the proposal: " + e.getMessage(), e);
    }
  }

  private static List<AwardedSubject> subjects(DecisionContent c) {
    return c.awards().stream().flatMap(a -> a.subjects().stream()).toList();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(StateFormat.VIETNAMESE) + text.substring(1);
  }
}
