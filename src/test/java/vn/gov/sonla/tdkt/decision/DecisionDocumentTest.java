package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardedSubject;

class DecisionDocumentTest {

  private static final String SIGNER = "Cầm Ngọc Đức";

  private final DecisionDocument decisionDocument = new DecisionDocument();

  @Test
  void rendersTheDecisionWithVietnameseText() throws IOException {
    String teacherAchievements = "Đã có thành tích xuất sắc trong công tác giảng dạy và bồi dưỡng"
        + " học sinh giỏi năm học 2024 - 2025, góp phần tích cực vào phong trào thi đua của tỉnh.";
    byte[] pdf = decisionDocument.render(decision(List.of(
        new AwardedSubject("Nguyễn Thị Hương", "Giáo viên Trường THPT Chiềng Sinh",
            teacherAchievements),
        new AwardedSubject("Trường THPT Chiềng Sinh", "thành phố Sơn La",
            "Đã có thành tích xuất sắc trong phong trào thi đua \"Dạy tốt, học tốt\"."))));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);

      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getPage(0).getMediaBox().getWidth())
          .isEqualTo(PDRectangle.A4.getWidth());
      assertThat(text)
          .contains("ỦY BAN NHÂN DÂN")
          .contains("Số: 12/QĐ-UBND")
          .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
          .contains("Độc lập - Tự do - Hạnh phúc")
          .contains("Sơn La, ngày 05 tháng 3 năm 2025")
          .contains("QUYẾT ĐỊNH\n")
          .contains("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh")
          .contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA")
          .contains("Căn cứ Luật Thi đua, khen thưởng 2022, Điều 74;")
          .contains("Xét đề nghị của Sở Giáo dục và Đào tạo và Giám đốc Sở Nội vụ.")
          .contains("QUYẾT ĐỊNH:")
          .contains("1. Nguyễn Thị Hương, Giáo viên Trường THPT Chiềng Sinh")
          .contains("2. Trường THPT Chiềng Sinh, thành phố Sơn La")
          .contains("hình thức khen thưởng đột xuất năm 2025")
          .contains("Điều 2.", "Điều 3.")
          .contains(SIGNER);
      assertThat(flatten(text)).contains(teacherAchievements);
      assertThat(text.indexOf(SIGNER)).isGreaterThan(text.indexOf("Điều 3."));

      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Quyết định 12/QĐ-UBND");
      assertThat(document.getDocumentInformation().getAuthor())
          .isEqualTo("Ủy ban nhân dân tỉnh Sơn La");
      assertThat(document.getDocumentInformation().getCreationDate()).isNotNull();
    }
  }

  @Test
  void longSubjectListsFlowOntoFurtherPages() throws IOException {
    List<AwardedSubject> subjects = IntStream.rangeClosed(1, 40)
        .mapToObj(i -> new AwardedSubject("Lường Thị Thủy " + i, "Chuyên viên phòng số " + i,
            "Đã hoàn thành xuất sắc nhiệm vụ được giao, có nhiều đóng góp cho phong trào thi đua"
                + " của đơn vị trong năm 2025."))
        .toList();

    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision(subjects)))) {
      String text = new PDFTextStripper().getText(document);

      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(text).contains("40. Lường Thị Thủy 40, Chuyên viên phòng số 40");
      List<Integer> positions = IntStream.rangeClosed(1, 40)
          .mapToObj(i -> text.indexOf(i + ". Lường Thị Thủy " + i + ","))
          .toList();
      assertThat(positions).doesNotContain(-1).isSorted();
      assertThat(lastPageText(document)).contains(SIGNER);
    }
  }

  @Test
  void longAchievementTextsFlowOntoFurtherPages() throws IOException {
    String achievements = IntStream.rangeClosed(1, 150)
        .mapToObj(i -> "Thành tích thứ " + i + ": tổ chức thành công hoạt động thi đua yêu nước.")
        .collect(Collectors.joining(" "));

    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision(List.of(
        new AwardedSubject("Nguyễn Thị Hương", null, achievements)))))) {
      String text = new PDFTextStripper().getText(document);

      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(flatten(text)).contains(achievements);
      assertThat(lastPageText(document)).contains(SIGNER);
    }
  }

  @Test
  void normalisesDecomposedDiacriticsAndReplacesMissingGlyphs() throws IOException {
    String decomposed = Normalizer.normalize("Nguyễn Thị Hương", Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo("Nguyễn Thị Hương");

    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision(List.of(
        new AwardedSubject(decomposed + " 漢", "Giáo viên\u200B", "Dòng một\nDòng hai")))))) {
      String text = new PDFTextStripper().getText(document);

      assertThat(text).contains("1. Nguyễn Thị Hương ?, Giáo viên\n")
          .contains("Dòng một\nDòng hai");
    }
  }

  private static DecisionContent decision(List<AwardedSubject> subjects) {
    return new DecisionContent("Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "12/QĐ-UBND",
        LocalDate.of(2025, 3, 5), "Bằng khen của Chủ tịch UBND tỉnh", "Khen thưởng đột xuất",
        2025, "Luật Thi đua, khen thưởng 2022, Điều 74", "Sở Giáo dục và Đào tạo", "Chủ tịch",
        SIGNER, new ArrayList<>(subjects));
  }

  private static String lastPageText(PDDocument document) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(document.getNumberOfPages());
    return stripper.getText(document);
  }

  /** Drops the page numbers and joins wrapped lines back together. */
  private static String flatten(String text) {
    return text.replaceAll("(?m)^\\d+$", "").replaceAll("\\s+", " ");
  }
}
