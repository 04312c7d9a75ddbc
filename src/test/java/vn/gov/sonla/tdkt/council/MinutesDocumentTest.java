package vn.gov.sonla.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.decision.DecisionDocumentFixtures;

/** The council's minutes carry the state format's heading, title and signature blocks. */
class MinutesDocumentTest {

  @Test
  void theMinutesAreHeadedAndSignedInTheStateFormat() throws IOException {
    OffsetDateTime closed = OffsetDateTime.of(2025, 10, 20, 9, 30, 0, 0, ZoneOffset.ofHours(7));
    byte[] pdf = new MinutesDocument(new CalendarProperties(null, null, null, null)).render(
        new MinutesDocument.Content("Ủy ban nhân dân tỉnh Sơn La", "2025-R2", 2025, 2, null, closed, 9, 8, 6,
            List.of(new CouncilRepository.AgendaItem("2025-R2", 1, "2025-sgddt-0001", "Nguyễn Thị Hương",
                "Sở Giáo dục và Đào tạo", "CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", "Đủ điều kiện.", "PASSED", 8, 0,
                1, 8)),
            List.of(new MinutesDocument.Member("council1", "Lò Văn Mừng", closed.minusHours(2)))));
    DecisionDocumentFixtures.screenshot(pdf, "minutes");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("UBND TỈNH SƠN LA\nHỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG")
          .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
          .contains("Sơn La, ngày 20 tháng 10 năm 2025")
          .contains("BIÊN BẢN").contains("THƯ KÝ").contains("CHỦ TỌA");
      assertThat(DecisionDocumentFixtures.fontNames(document)).allMatch(n -> n.startsWith("LiberationSerif"));
    }
  }
}
