package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;
import vn.gov.sonla.tdkt.pdf.PageWriter;

class CertificateDocumentTest {

  private static final String ACHIEVEMENTS = "Đã có thành tích xuất sắc trong công tác giảng dạy và bồi dưỡng"
      + " học sinh giỏi năm học 2024 - 2025, góp phần tích cực vào phong trào thi đua của tỉnh.";

  @TempDir Path dir;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CertificateConfiguration.class);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CertificateProperties.class)
  @Import(CertificateDocument.class)
  static class CertificateConfiguration {}

  @Test
  void rendersTheDefaultTemplateWithVietnameseText() throws IOException {
    byte[] pdf = defaultDocument().render(provincial("Nguyễn Thị Hương", "Giáo viên, Trường THPT Chiềng Sinh",
        ACHIEVEMENTS));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);

      assertThat(document.getNumberOfPages()).isEqualTo(1);
      PDRectangle page = document.getPage(0).getMediaBox();
      assertThat(page.getWidth()).isEqualTo(PDRectangle.A4.getHeight());
      assertThat(page.getHeight()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(text)
          .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
          .contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA\nTẶNG\nBẰNG KHEN\n")
          .contains("Nguyễn Thị Hương\nGiáo viên, Trường THPT Chiềng Sinh\n")
          .contains("Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2025")
          .contains("Sơn La, ngày 05 tháng 3 năm 2025\nCHỦ TỊCH\nCầm Ngọc Đức")
          .doesNotContain("**", "##", "---", "{{", ">");
      // the dossier's own "Đã có thành tích" is not printed twice
      assertThat(flatten(text)).contains(ACHIEVEMENTS).containsOnlyOnce("Đã có thành tích");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Bằng khen - Nguyễn Thị Hương");
    }
  }

  @Test
  void longLinesWrapWithinTheMargins() throws IOException {
    String achievements = IntStream.rangeClosed(1, 12)
        .mapToObj(i -> "tổ chức thành công hoạt động thi đua yêu nước thứ " + i)
        .collect(Collectors.joining(", ")) + ".";
    byte[] pdf = defaultDocument().render(provincial("Trường Trung học phổ thông Chiềng Sinh, thành phố Sơn La,"
        + " tỉnh Sơn La, đơn vị dẫn đầu phong trào thi đua khối các trường trung học phổ thông", "", achievements));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<TextPosition> glyphs = glyphs(document);
      float right = CertificateDocument.LAYOUT.page().getWidth() - CertificateDocument.LAYOUT.right();

      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(glyphs).allSatisfy(g -> {
        assertThat(g.getXDirAdj()).isGreaterThanOrEqualTo(CertificateDocument.LAYOUT.left() - 0.5f);
        assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThanOrEqualTo(right + 0.5f);
      });
      assertThat(flatten(new PDFTextStripper().getText(document))).contains("Đã có thành tích " + achievements);
    }
  }

  @Test
  void aTextTooLongForOnePageIsSetSmaller() throws IOException {
    String achievements = IntStream.rangeClosed(1, 30)
        .mapToObj(i -> "tổ chức thành công hoạt động thi đua yêu nước thứ " + i)
        .collect(Collectors.joining(", ")) + ".";

    try (PDDocument document = Loader.loadPDF(defaultDocument().render(provincial("Nguyễn Thị Hương", "",
        achievements)))) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(glyphs(document)).extracting(TextPosition::getFontSizeInPt).allSatisfy(size ->
          assertThat(size).isLessThan(CertificateDocument.TITLE)
              .isGreaterThanOrEqualTo(CertificateDocument.BODY * CertificateDocument.MIN_SCALE));
      assertThat(flatten(new PDFTextStripper().getText(document))).contains(achievements);
    }
  }

  @Test
  void markersSetSizeStyleAndColumnAndLinesLeftEmptyAreDropped() throws IOException {
    Path template = write("""
        # TITLE {{subjectName}}
        ## Heading
        **Bold**
        _Italic_
        > Right {{signerName}}
        Details [{{subjectDetails}}]
        {{subjectDetails}}
        > **{{signerTitle}}
        End
        """);
    CertificateDocument document = new CertificateDocument(new org.springframework.core.io.FileSystemResource(template));

    List<CertificateDocument.Line> lines = document.lines(provincial("Lò Văn Thắng", "", ""));

    assertThat(lines).extracting(CertificateDocument.Line::text)
        .containsExactly("TITLE Lò Văn Thắng", "Heading", "Bold", "Italic", "Right Cầm Ngọc Đức", "Details []",
            "CHỦ TỊCH", "End");
    assertThat(lines.get(0).size()).isEqualTo(CertificateDocument.TITLE);
    assertThat(lines.get(1).size()).isEqualTo(CertificateDocument.HEADING);
    assertThat(lines).extracting(CertificateDocument.Line::style).containsExactly(PageWriter.Style.BOLD,
        PageWriter.Style.BOLD, PageWriter.Style.BOLD, PageWriter.Style.ITALIC, PageWriter.Style.REGULAR,
        PageWriter.Style.REGULAR, PageWriter.Style.BOLD, PageWriter.Style.REGULAR);
    assertThat(lines).extracting(CertificateDocument.Line::right)
        .containsExactly(false, false, false, false, true, false, true, false);

    // a right-hand line is centred in the right half of the page
    try (PDDocument pdf = Loader.loadPDF(document.render(provincial("Lò Văn Thắng", "", "")))) {
      float middle = pdf.getPage(0).getMediaBox().getWidth() / 2;
      assertThat(glyphs(pdf)).filteredOn(g -> g.getUnicode().equals("R")).singleElement()
          .satisfies(g -> assertThat(g.getXDirAdj()).isGreaterThan(middle));
    }
  }

  @Test
  void theConfiguredTemplateIsUsed() throws IOException {
    Path template = write("""
        # GIẤY CHỨNG NHẬN
        Chứng nhận {{subjectName}} ({{decisionNumber}})
        """);

    context.withPropertyValues("tdkt.certificate.template=file:" + template).run(ctx -> {
      assertThat(ctx).hasNotFailed();
      byte[] pdf = ctx.getBean(CertificateDocument.class).render(provincial("Cầm Thị Xuân", "", ""));
      try (PDDocument document = Loader.loadPDF(pdf)) {
        assertThat(new PDFTextStripper().getText(document))
            .contains("GIẤY CHỨNG NHẬN", "Chứng nhận Cầm Thị Xuân (12/QĐ-UBND)")
            .doesNotContain("BẰNG KHEN");
      }
    });
  }

  @Test
  void theDefaultTemplateIsUsedWithoutConfiguration() {
    context.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(CertificateProperties.class).template().getDescription())
          .contains("certificates/bang-khen.mustache");
    });
  }

  @Test
  void aMissingTemplateFailsTheStartUp() {
    Path missing = dir.resolve("khong-co.mustache");

    context.withPropertyValues("tdkt.certificate.template=file:" + missing).run(ctx ->
        assertThat(ctx).hasFailed().getFailure()
            .hasStackTraceContaining("The certificate template")
            .hasStackTraceContaining(missing.toString())
            .hasStackTraceContaining("does not exist"));
  }

  @Test
  void aTemplateThatDoesNotCompileFailsTheStartUp() throws IOException {
    Path template = write("""
        # BẰNG KHEN
        {{#subjectName}}{{subjectName}}
        {{decisionNumber}}
        """);

    context.withPropertyValues("tdkt.certificate.template=file:" + template).run(ctx ->
        assertThat(ctx).hasFailed().getFailure()
            .hasStackTraceContaining("The certificate template")
            .hasStackTraceContaining("does not compile")
            .hasStackTraceContaining("subjectName"));
  }

  @Test
  void anUnknownPlaceholderFailsTheStartUp() throws IOException {
    Path template = write("# BẰNG KHEN\n{{subjectNam}}\n");

    context.withPropertyValues("tdkt.certificate.template=file:" + template).run(ctx ->
        assertThat(ctx).hasFailed().getFailure()
            .hasStackTraceContaining("cannot be filled in")
            .hasStackTraceContaining("subjectNam")
            .hasStackTraceContaining("the placeholders are issuer, awardName, subjectName"));
  }

  @Test
  void aStateLevelAwardIsGivenAndSignedByTheCentralDecider() throws IOException {
    Dossier dossier = new Dossier("2025-sgddt-0007", "sgddt", "BK_TTG", AwardKind.ANNUAL, 2025,
        SubjectKind.COLLECTIVE, "Trường THPT Chiềng Sinh", null, null, null,
        "Lãnh đạo nhà trường đạt chuẩn quốc gia mức độ 2.", DossierStatus.AWARDED, null, null, "officer.sgddt",
        OffsetDateTime.now(), OffsetDateTime.now(), OffsetDateTime.now());
    AwardType award = new AwardType("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", AwardLevel.STATE,
        Set.of("COLLECTIVE"), "Luật Thi đua, khen thưởng 2022, Điều 73");
    AwardRecord entry = new AwardRecord("r1", "COLLECTIVE", "Trường THPT Chiềng Sinh", null, "Sở Giáo dục và Đào tạo",
        "k", "BK_TTG", "ANNUAL", 2025, "345/QĐ-TTg", LocalDate.of(2025, 11, 20), "Thủ tướng Chính phủ", "PIPELINE",
        dossier.code());

    CertificateContent content = CertificateContent.of(dossier, award, entry, null, decisionProperties());

    assertThat(content.issuer()).isEqualTo("THỦ TƯỚNG CHÍNH PHỦ");
    assertThat(content.signerName()).isEqualTo("Thủ tướng Chính phủ");
    assertThat(content.signerTitle()).isEmpty();
    assertThat(content.place()).isEmpty();
    assertThat(content.achievements()).isEqualTo("lãnh đạo nhà trường đạt chuẩn quốc gia mức độ 2.");
    try (PDDocument document = Loader.loadPDF(defaultDocument().render(content))) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("THỦ TƯỚNG CHÍNH PHỦ\nTẶNG\nBẰNG KHEN\nTrường THPT Chiềng Sinh\nĐã có thành tích lãnh đạo")
          .contains("Quyết định số 345/QĐ-TTg ngày 20 tháng 11 năm 2025\nngày 20 tháng 11 năm 2025\n"
              + "Thủ tướng Chính phủ")
          .doesNotContain("CHỦ TỊCH", "Sơn La,");
    }
  }

  @Test
  void aProvincialAwardIsSignedByTheChairmanWhoSignedTheDecision() {
    Dossier dossier = new Dossier("2025-sgddt-0008", "sgddt", "BK_TINH", AwardKind.SUDDEN, 2025,
        SubjectKind.INDIVIDUAL, "Lò Văn Thắng", LocalDate.of(1984, 9, 2), "Hiệu trưởng", "Trường THCS Tô Hiệu",
        "THPT Chiềng Sinh đạt chuẩn.", DossierStatus.AWARDED, null, null, "officer.sgddt",
        OffsetDateTime.now(), OffsetDateTime.now(), OffsetDateTime.now());
    AwardType award = new AwardType("BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", AwardLevel.PROVINCIAL,
        Set.of("INDIVIDUAL"), null);
    AwardRecord entry = new AwardRecord("r2", "INDIVIDUAL", "Lò Văn Thắng", null, "Trường THCS Tô Hiệu", "k",
        "BK_TINH", "SUDDEN", 2025, "7/QĐ-UBND", LocalDate.of(2025, 2, 3), "Chủ tịch UBND tỉnh Sơn La", "PIPELINE",
        dossier.code());

    CertificateContent content = CertificateContent.of(dossier, award, entry, "Cầm Ngọc Đức", decisionProperties());

    assertThat(content.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH SƠN LA");
    assertThat(content.signerTitle()).isEqualTo("CHỦ TỊCH");
    assertThat(content.signerName()).isEqualTo("Cầm Ngọc Đức");
    assertThat(content.place()).isEqualTo("Sơn La");
    assertThat(content.subjectDetails()).isEqualTo("Hiệu trưởng, Trường THCS Tô Hiệu");
    assertThat(content.achievements()).isEqualTo("THPT Chiềng Sinh đạt chuẩn.");
    assertThat(content.placeholders()).containsEntry("decisionDate", "ngày 03 tháng 02 năm 2025");
  }

  private static CertificateDocument defaultDocument() {
    return new CertificateDocument(new ClassPathResource("certificates/bang-khen.mustache"));
  }

  private static CertificateContent provincial(String subject, String details, String achievements) {
    return new CertificateContent("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Bằng khen của Chủ tịch UBND tỉnh", subject, details,
        CertificateContent.afterLead(achievements), "12/QĐ-UBND", LocalDate.of(2025, 3, 5), "Sơn La", "CHỦ TỊCH",
        "Cầm Ngọc Đức");
  }

  private static DecisionProperties decisionProperties() {
    return new DecisionProperties("Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "Chủ tịch");
  }

  private Path write(String template) throws IOException {
    Path file = Files.createTempFile(dir, "bang-khen", ".mustache");
    return Files.writeString(file, template, StandardCharsets.UTF_8);
  }

  /** Every glyph printed, with its position. */
  private static List<TextPosition> glyphs(PDDocument document) throws IOException {
    List<TextPosition> glyphs = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition text) {
        glyphs.add(text);
        super.processTextPosition(text);
      }
    };
    stripper.getText(document);
    return glyphs;
  }

  /** Joins wrapped lines back together. */
  private static String flatten(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
