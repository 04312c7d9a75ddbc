package vn.gov.sonla.tdkt.trail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.decision.DecisionDocument;
import vn.gov.sonla.tdkt.pdf.PageWriter;
import vn.gov.sonla.tdkt.pdf.PageWriter.Style;

/** A dossier's trail as CSV (UTF-8 with BOM, for Excel) and as an A4 landscape PDF with the Vietnamese font embedded. */
@Component
public class TrailExport {

  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
  private static final String[] HEADER = {"Thời điểm", "Nguồn", "Loại", "Người thực hiện", "Nội dung", "Chi tiết",
      "Mã nguồn", "Mã loại", "Tài khoản"};
  private static final String[] TIMELINE_HEADER = {"Thời điểm", "Người thực hiện", "Việc", "Nội dung", "Kết quả"};
  private static final PageWriter.Layout LANDSCAPE = new PageWriter.Layout(
      new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()), 42f, 36f, 42f, 42f, true);

  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** The actor's full name (the login id only where no name is known). */
  private static String actor(TrailEntry e, String none) {
    return e.actorName() != null ? e.actorName() : e.actor() == null ? none : e.actor();
  }

  public byte[] csv(List<TrailEntry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM, before the header line
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
      for (TrailEntry e : entries) {
        csv.printRecord(e.at().format(TIME), e.source().label(), e.kind().label(), actor(e, ""),
            e.summary(), json.writeValueAsString(e.details()), e.source().name(), e.kind().name(),
            e.actor() == null ? "" : e.actor());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The plain-language timeline as CSV: when, who, action, what, result (the flag tells it from the full record). */
  public byte[] csv(List<TimelineRow> rows, boolean timeline) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM, before the header line
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(TIMELINE_HEADER).get())) {
      for (TimelineRow r : rows) {
        csv.printRecord(r.when(), r.who(), r.action(), r.what(), r.result());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The plain-language timeline as an A4 landscape PDF: one paragraph per row, no technical record. */
  public byte[] timelinePdf(String code, List<TimelineRow> rows, String producedBy, OffsetDateTime producedAt) {
    String produced = "Lập lúc " + TrailWords.when(producedAt) + " bởi " + producedBy;
    return render(code, "DÒNG THỜI GIAN HỒ SƠ " + code, "Dòng thời gian hồ sơ " + code, produced,
        rows.size() + " mục, theo thứ tự thời gian: ai đã làm gì, khi nào, kết quả ra sao.", producedBy, producedAt,
        w -> {
          int n = 0;
          for (TimelineRow r : rows) {
            n++;
            String lead = n + ". " + r.when();
            w.keepTogether(w.lineHeight(9) * 2);
            w.paragraph(lead + " | " + r.who() + " | " + r.action() + " | " + r.what() + " | Kết quả: " + r.result(),
                9, 0, 24, Style.REGULAR, lead);
            w.gap(2);
          }
        });
  }

  public byte[] pdf(String code, List<TrailEntry> entries, String producedBy, OffsetDateTime producedAt) {
    return render(code, "NHẬT KÝ HỒ SƠ " + code, "Nhật ký hồ sơ " + code,
        "Lập lúc " + producedAt.format(TIME) + " bởi " + producedBy,
        entries.size() + " mục, theo thứ tự thời gian; mỗi mục ghi nguồn dữ liệu của nó.", producedBy, producedAt,
        w -> {
          int n = 0;
          for (TrailEntry e : entries) {
            n++;
            String lead = n + ". " + e.at().format(TIME);
            String line = lead + " | " + e.kind().label() + " | " + actor(e, "hệ thống")
                + " | " + e.summary() + " [nguồn: " + e.source().name() + "]";
            w.keepTogether(w.lineHeight(9) * 2);
            w.paragraph(line, 9, 0, 24, Style.REGULAR, lead);
            w.gap(2);
          }
        });
  }

  private interface Body {
    void write(PageWriter w) throws IOException;
  }

  private byte[] render(String code, String heading, String title, String produced, String intro, String producedBy,
      OffsetDateTime producedAt, Body body) {
    try (PDDocument document = new PDDocument();
        InputStream fontData = DecisionDocument.class.getResourceAsStream(DecisionDocument.FONT_RESOURCE)) {
      PDType0Font font = PDType0Font.load(document, fontData);
      try (PageWriter w = new PageWriter(document, font, LANDSCAPE)) {
        w.centred(heading, w.left(), w.width(), 15, Style.BOLD);
        w.centred(produced, w.left(), w.width(), 10, Style.ITALIC);
        w.centred(intro, w.left(), w.width(), 10, Style.REGULAR);
        w.gap(8);
        body.write(w);
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setAuthor(producedBy);
      info.setCreator("tdkt-workflow");
      info.setSubject(produced);
      info.setCreationDate(GregorianCalendar.from(producedAt.toZonedDateTime()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the trail PDF of " + code + ": " + e.getMessage(), e);
    }
  }

}
