package vn.gov.sonla.tdkt.council;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.pdf.PageWriter;
import vn.gov.sonla.tdkt.pdf.PageWriter.Style;
import vn.gov.sonla.tdkt.pdf.StateFormat;

/**
 * The minutes (biên bản) of a council session as an A4 PDF: agenda, attendance with the time of each
 * ballot, and each dossier's tally and result. Same page layout and embedded font as the decisions.
 */
@Component
public class MinutesDocument {

  public record Member(String id, String name, OffsetDateTime castAt) {}

  public record Content(String issuer, String sessionKey, int year, int round, String note, OffsetDateTime date,
      int members, int ballotsCast, int quorumRequired, List<CouncilRepository.AgendaItem> agenda,
      List<Member> attendance) {}

  private static final float BODY = 13f;
  private static final float TITLE = 14f;
  private static final float INDENT = 28f;
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final ZoneId zone;

  public MinutesDocument(vn.gov.sonla.tdkt.calendar.CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  public byte[] render(Content c) {
    try (PDDocument document = new PDDocument()) {
      try (PageWriter w = new PageWriter(document, StateFormat.fonts(document), StateFormat.PORTRAIT)) {
        // the state format's heading (Nghị định 30/2020/NĐ-CP): the council under the People's Committee
        StateFormat.header(w, new StateFormat.Heading(c.issuer(), "Hội đồng Thi đua -\nKhen thưởng", null,
            "BB-HĐTĐKT", "Sơn La", c.date() == null ? null : c.date().atZoneSameInstant(zone).toLocalDate()));
        StateFormat.title(w, "Biên bản", "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh, đợt " + c.round() + " năm "
            + c.year() + " (phiên " + c.sessionKey() + ")");
        line(w, "Thời gian kiểm phiếu: " + format(c.date()) + ". Hình thức: bỏ phiếu kín.");
        if (c.note() != null && !c.note().isBlank()) {
          line(w, "Ghi chú: " + c.note().strip());
        }
        line(w, "Tổng số thành viên Hội đồng: " + c.members() + "; số thành viên tham gia biểu quyết: "
            + c.ballotsCast() + "; vắng mặt: " + (c.members() - c.ballotsCast())
            + "; số thành viên tối thiểu để biểu quyết: " + c.quorumRequired() + ".");
        agenda(w, c);
        attendance(w, c);
        tallies(w, c);
        // signatures: the secretary and the chair of the session (names are signed on the paper minutes)
        w.gap(8);
        w.keepTogether(3 * w.lineHeight(BODY) + StateFormat.SIGNATURE_SPACE);
        float half = w.width() / 2;
        float top = w.y();
        w.centred("THƯ KÝ", w.left(), half, BODY, Style.BOLD);
        w.moveTo(top);
        w.centred("CHỦ TỌA", w.left() + half, half, BODY, Style.BOLD);
        w.gap(StateFormat.SIGNATURE_SPACE);
      }
      document.getDocumentInformation().setTitle("Biên bản phiên họp " + c.sessionKey());
      document.getDocumentInformation().setAuthor(c.issuer());
      document.getDocumentInformation().setCreationDate(Calendar.getInstance());
      document.getDocumentCatalog().setLanguage("vi");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the minutes of session " + c.sessionKey(), e);
    }
  }

  private void agenda(PageWriter w, Content c) throws IOException {
    heading(w, "I. Chương trình phiên họp");
    for (CouncilRepository.AgendaItem item : c.agenda()) {
      w.keepTogether(2 * w.lineHeight(BODY));
      w.paragraph(item.position() + ". " + item.subjectName() + " – " + item.awardTypeName() + " – " + item.unitName()
          + " (hồ sơ " + item.dossierCode() + ")", BODY, INDENT, INDENT, Style.REGULAR, null);
      if (item.appraisalSummary() != null && !item.appraisalSummary().isBlank()) {
        w.paragraph("Ý kiến thẩm định: " + item.appraisalSummary(), BODY, 2 * INDENT, 2 * INDENT, Style.ITALIC, null);
      }
    }
  }

  private void attendance(PageWriter w, Content c) throws IOException {
    heading(w, "II. Thành viên tham gia biểu quyết");
    int i = 0;
    for (Member m : c.attendance()) {
      i++;
      w.paragraph(i + ". " + m.name() + " (" + m.id() + "): "
          + (m.castAt() == null ? "vắng mặt" : "bỏ phiếu lúc " + format(m.castAt())), BODY, INDENT, INDENT,
          Style.REGULAR, null);
    }
  }

  private void tallies(PageWriter w, Content c) throws IOException {
    heading(w, "III. Kết quả kiểm phiếu");
    for (CouncilRepository.AgendaItem item : c.agenda()) {
      w.keepTogether(2 * w.lineHeight(BODY));
      String head = item.position() + ". Hồ sơ " + item.dossierCode() + " – " + item.subjectName() + ":";
      String result = "SKIPPED".equals(item.outcome())
          ? "không biểu quyết (hồ sơ không còn chờ Hội đồng xét)."
          : "Tán thành: " + item.votesFor() + "; Không tán thành: " + item.votesAgainst() + "; Vắng mặt: "
              + item.votesAbsent() + "; Số phiếu cần đạt: " + item.votesRequired() + ". Kết quả: "
              + ("PASSED".equals(item.outcome()) ? "THÔNG QUA" : "KHÔNG THÔNG QUA") + ".";
      w.paragraph(head + " " + result, BODY, INDENT, INDENT, Style.REGULAR, null);
    }
  }

  private static void heading(PageWriter w, String text) throws IOException {
    w.gap(8);
    w.keepTogether(3 * w.lineHeight(BODY));
    w.paragraph(text, BODY, 0, 0, Style.BOLD, null);
  }

  private static void line(PageWriter w, String text) throws IOException {
    w.paragraph(text, BODY, INDENT, 0, Style.REGULAR, null);
  }

  private String format(OffsetDateTime time) {
    return time.atZoneSameInstant(zone).format(DATE_TIME);
  }
}
