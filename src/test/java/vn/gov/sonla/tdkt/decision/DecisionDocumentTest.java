package vn.gov.sonla.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardGroup;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardedSubject;
import vn.gov.sonla.tdkt.decision.DecisionContent.Reward;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;
import vn.gov.sonla.tdkt.pdf.StateFormat;

/** The decision in the state format of Nghị định 30/2020/NĐ-CP, as printed. */
class DecisionDocumentTest {

  private static final String SIGNER = "Hoàng Văn Nam";
  private static final LocalDate SIGNED = LocalDate.of(2025, 9, 5);
  private static final LegalCitations CITATIONS = configuredCitations();
  private static final DecisionProperties PROPERTIES =
      new DecisionProperties("Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "Chủ tịch");

  private final DecisionDocument decisionDocument = new DecisionDocument();

  @Test
  void rendersTheDecisionWithTheStateFormatBlocksAndTheRegimesCitationsOnceEach() throws IOException {
    String teacherAchievements = "Đã có thành tích xuất sắc trong công tác giảng dạy và bồi dưỡng"
        + " học sinh giỏi năm học 2024 - 2025, góp phần tích cực vào phong trào thi đua của tỉnh.";
    DecisionContent content = decision("ND152-2025", List.of(
        individual("Nguyễn Thị Hương", "Giáo viên Trường THPT Chiềng Sinh", teacherAchievements),
        collective("Trường THPT Chiềng Sinh", "Đã có thành tích xuất sắc trong phong trào thi đua \"Dạy tốt, học tốt\".")));
    byte[] pdf = decisionDocument.render(content);
    screenshot(pdf, "decision-single");

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);

      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(text)
          .contains("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA")
          .contains("Số: 12/QĐ-UBND")
          .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
          .contains("Độc lập - Tự do - Hạnh phúc")
          .contains("Sơn La, ngày 05 tháng 9 năm 2025")
          .contains("QUYẾT ĐỊNH\n")
          .contains("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
          .contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA")
          .contains("QUYẾT ĐỊNH:")
          .contains("1. Nguyễn Thị Hương, Giáo viên Trường THPT Chiềng Sinh")
          .contains("2. Trường THPT Chiềng Sinh")
          .contains("hình thức khen thưởng đột xuất năm 2025")
          .contains("Điều 2.", "Điều 3.")
          .contains("Nơi nhận:")
          .contains(SIGNER);
      String flat = flatten(text);
      // each căn cứ line of the regime once, the Law on Emulation and Commendation included once only
      for (String line : CITATIONS.lines("ND152-2025", SIGNED)) {
        assertThat(occurrences(flat, line + ";")).as(line).isEqualTo(1);
      }
      assertThat(flat).contains("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025");
      assertThat(occurrences(flat, "Căn cứ Luật Thi đua, khen thưởng")).isEqualTo(1);
      assertThat(flat).doesNotContain("98/2023");
      assertThat(flat).contains("Xét đề nghị của Thủ trưởng Sở Giáo dục và Đào tạo và Giám đốc Sở Nội vụ.");
      // Điều 2: each subject's reward, coefficient × base salary on the signing date
      assertThat(flat).contains("mức lương cơ sở 2.340.000 đồng theo Nghị định 73/2024/NĐ-CP")
          .contains("1. Nguyễn Thị Hương: 1,0 × 2.340.000 đồng = 2.340.000 đồng;")
          .contains("2. Trường THPT Chiềng Sinh: 2,0 × 2.340.000 đồng = 4.680.000 đồng;")
          .contains("Tổng số tiền thưởng: 7.020.000 đồng.");
      assertThat(flat).contains(teacherAchievements);
      assertThat(text.indexOf(SIGNER)).isGreaterThan(text.indexOf("Điều 3."));
      assertThat(text).contains("CHỦ TỊCH\n" + SIGNER).doesNotContain("TM.").doesNotContain("KT.");

      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Quyết định 12/QĐ-UBND");
      assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Ủy ban nhân dân tỉnh Sơn La");
    }
  }

  @Test
  void everyFontIsAnEmbeddedLiberationSerifFace() throws IOException {
    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision("ND152-2025", manySubjects(14))))) {
      Set<String> names = new HashSet<>();
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertThat(font).isInstanceOf(PDType0Font.class);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
              .as("TrueType font file of " + font.getName()).isNotNull();
          names.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
      }
      assertThat(names).containsExactlyInAnyOrder("LiberationSerif", "LiberationSerif-Bold",
          "LiberationSerif-Italic", "LiberationSerif-BoldItalic");
    }
  }

  @Test
  void textStaysWithinTheMarginsAndTheSizesOfTheStateFormat() throws IOException {
    float mm = 72f / 25.4f;
    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision("ND152-2025", manySubjects(30))))) {
      List<TextPosition> glyphs = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          glyphs.addAll(positions);
        }
      };
      stripper.getText(document);
      float width = PDRectangle.A4.getWidth();
      float height = PDRectangle.A4.getHeight();
      for (TextPosition g : glyphs) {
        assertThat(g.getXDirAdj()).as(g.getUnicode()).isGreaterThanOrEqualTo(30 * mm - 0.5f);
        assertThat(g.getXDirAdj() + g.getWidthDirAdj()).as(g.getUnicode()).isLessThanOrEqualTo(width - 15 * mm + 0.5f);
        assertThat(g.getYDirAdj()).as(g.getUnicode()).isLessThanOrEqualTo(height - 20 * mm + 1f);
      }
      // body 14 pt, header blocks 13-14 pt, "Nơi nhận" list 11-12 pt, page numbers 12 pt: nothing else
      assertThat(glyphs.stream().map(g -> Math.round(g.getFontSizeInPt())).collect(Collectors.toSet()))
          .isSubsetOf(Set.of(11, 12, 13, 14));
    }
  }

  @Test
  void manySubjectsGoToTheAttachedListGroupedByAwardWithEachReward() throws IOException {
    List<AwardedSubject> bangKhen = manySubjects(10);
    List<AwardedSubject> tapThe = List.of(
        collective("Phòng Giáo dục phường Tô Hiệu", null), collective("Trường Tiểu học Quyết Thắng", null));
    DecisionContent content = new DecisionContent("Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "125/QĐ-UBND", SIGNED,
        PROPERTIES.authority(), CITATIONS.lines("ND152-2025", SIGNED),
        "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 01 tháng 9 năm 2025",
        List.of(new AwardGroup("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Khen thưởng thường xuyên", 2025, null,
                bangKhen),
            new AwardGroup("Tập thể lao động xuất sắc", "Khen thưởng thường xuyên", 2025, null, tapThe)),
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan",
        PROPERTIES.recipients(), PROPERTIES.signer("chairman", SIGNER));
    byte[] pdf = decisionDocument.render(content);
    screenshot(pdf, "decision-list");

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      String flat = flatten(text);
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(flat).contains("Tặng thưởng cho 04 tập thể và 08 cá nhân (có danh sách kèm theo)")
          .contains("1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 02 tập thể và 08 cá nhân")
          .contains("2. Tập thể lao động xuất sắc: 02 tập thể")
          .contains("Tổng số tiền thưởng: " + DecisionDocument.money(content.totalReward()));
      String list = flatten(text.substring(text.indexOf("DANH SÁCH")));
      assertThat(list).contains("(Kèm theo Quyết định số 125/QĐ-UBND ngày 05 tháng 9 năm 2025 của Chủ tịch Ủy ban"
          + " nhân dân tỉnh Sơn La)");
      assertThat(list.indexOf("I. BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH (10)"))
          .isLessThan(list.indexOf("II. TẬP THỂ LAO ĐỘNG XUẤT SẮC (2)")).isNotNegative();
      for (AwardedSubject s : bangKhen) {
        // the amount stands on the row's first line, right-aligned: the first amount after the row's start
        int row = list.indexOf(s.collective() ? s.name().replace(" tỉnh Sơn La", " ") : s.name() + ",");
        assertThat(row).as(s.name()).isNotNegative();
        String upToAmount = list.substring(row, list.indexOf(" đồng", row) + " đồng".length());
        assertThat(upToAmount).as(s.name()).endsWith(" " + DecisionDocument.money(s.reward().amount()));
      }
      assertThat(list).contains("Phòng Giáo dục phường Tô Hiệu; 4.680.000 đồng")
          .contains("Tổng số: 04 tập thể và 08 cá nhân " + DecisionDocument.money(content.totalReward()));
      assertThat(content.totalReward()).isEqualTo(4 * 4_680_000L + 8 * 2_340_000L);
    }
  }

  @Test
  void deputiesSignForTheChairmanAndTheCommitteeSignsAsABody() throws IOException {
    DecisionProperties deputies = new DecisionProperties("Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "Chủ tịch",
        DecisionProperties.Competence.CHAIRMAN, List.of("vice1"), null, null, null);
    assertThat(deputies.signer("vice1", "Lò Văn Mừng").lines()).containsExactly("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
    assertThat(deputies.signer("chairman", SIGNER).lines()).containsExactly("CHỦ TỊCH");
    DecisionProperties committee = new DecisionProperties("Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "Chủ tịch",
        DecisionProperties.Competence.COMMITTEE, List.of("vice1"), null, null, null);
    assertThat(committee.authority()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH SƠN LA");
    assertThat(committee.signer("chairman", SIGNER).lines()).containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
    assertThat(committee.signer("vice1", "Lò Văn Mừng").lines())
        .containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");

    DecisionContent byDeputy = withSigner(decision("ND152-2025", manySubjects(1)), deputies.signer("vice1",
        "Lò Văn Mừng"));
    byte[] pdf = decisionDocument.render(byDeputy);
    screenshot(pdf, "decision-deputy");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
          .contains("Lò Văn Mừng");
    }
    try (PDDocument document = Loader.loadPDF(decisionDocument.render(withSigner(decision("ND152-2025",
        manySubjects(1)), committee.signer("chairman", SIGNER))))) {
      assertThat(new PDFTextStripper().getText(document)).contains("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
    }
  }

  @Test
  void theOlderRegimeCitesDecree98AndTheLawOnLocalGovernmentInForceOnTheSigningDate() {
    List<String> june = CITATIONS.lines("ND98-2023", LocalDate.of(2025, 6, 2));
    List<String> august = CITATIONS.lines("ND98-2023", LocalDate.of(2025, 8, 2));
    assertThat(june).anyMatch(l -> l.contains("98/2023/NĐ-CP")).anyMatch(l -> l.contains("ngày 19 tháng 6 năm 2015"))
        .noneMatch(l -> l.contains("152/2025"));
    assertThat(august).anyMatch(l -> l.contains("ngày 16 tháng 6 năm 2025"))
        .noneMatch(l -> l.contains("năm 2015"));
    assertThat(CITATIONS.lines("ND152-2025", SIGNED)).anyMatch(l -> l.contains("152/2025/NĐ-CP"));
    assertThat(CITATIONS.citations().values()).allSatisfy(lines -> assertThat(lines)
        .allSatisfy(c -> assertThat(c.source()).isNotBlank()));
    assertThatThrownBy(() -> CITATIONS.lines("ND91-2017", SIGNED)).hasMessageContaining("ND91-2017");
  }

  @Test
  void aRepeatedCitationIsRefused() {
    LegalCitations.Citation law = new LegalCitations.Citation("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
        "06/2022/QH15", LocalDate.of(2022, 6, 15), "test", null, null);
    LegalCitations.Citation again = new LegalCitations.Citation("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6"
        + " năm 2022;", "06/2022/QH15", LocalDate.of(2022, 6, 15), "test", null, null);
    assertThatThrownBy(() -> new LegalCitations(java.util.Map.of("X", List.of(law, again))))
        .hasMessageContaining("repeated");
    DecisionContent content = decision("ND152-2025", manySubjects(1));
    List<String> twice = new ArrayList<>(content.citations());
    twice.add(twice.get(0));
    assertThatThrownBy(() -> new DecisionContent(content.issuer(), content.place(), content.number(),
        content.date(), content.authority(), twice, content.proposal(), content.awards(), content.executors(),
        content.recipients(), content.signer())).hasMessageContaining("repeated");
  }

  @Test
  void longSubjectListsFlowOntoFurtherPages() throws IOException {
    List<AwardedSubject> subjects = IntStream.rangeClosed(1, 40)
        .mapToObj(i -> individual("Lường Thị Thủy " + i, "Chuyên viên phòng số " + i, null))
        .toList();

    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision("ND152-2025", subjects)))) {
      String text = new PDFTextStripper().getText(document);

      assertThat(document.getNumberOfPages()).isGreaterThan(2);
      List<Integer> positions = IntStream.rangeClosed(1, 40)
          .mapToObj(i -> text.indexOf(i + ". Lường Thị Thủy " + i + ","))
          .toList();
      assertThat(positions).doesNotContain(-1).isSorted();
      assertThat(text.indexOf(SIGNER)).isLessThan(text.indexOf("DANH SÁCH"));
    }
  }

  @Test
  void longAchievementTextsFlowOntoFurtherPages() throws IOException {
    String achievements = IntStream.rangeClosed(1, 150)
        .mapToObj(i -> "Thành tích thứ " + i + ": tổ chức thành công hoạt động thi đua yêu nước.")
        .collect(Collectors.joining(" "));

    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision("ND152-2025", List.of(
        individual("Nguyễn Thị Hương", null, achievements)))))) {
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

    try (PDDocument document = Loader.loadPDF(decisionDocument.render(decision("ND152-2025", List.of(
        individual(decomposed + " 漢", "Giáo viên\u200B", "Dòng một\nDòng hai")))))) {
      String text = new PDFTextStripper().getText(document);

      assertThat(text).contains("1. Nguyễn Thị Hương ?, Giáo viên\n")
          .contains("Dòng một\nDòng hai");
    }
  }

  static DecisionContent decision(String regime, List<AwardedSubject> subjects) {
    return new DecisionContent("Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "12/QĐ-UBND", SIGNED,
        PROPERTIES.authority(), CITATIONS.lines(regime, SIGNED),
        "Xét đề nghị của Thủ trưởng Sở Giáo dục và Đào tạo và Giám đốc Sở Nội vụ",
        List.of(new AwardGroup("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Khen thưởng đột xuất", 2025, null,
            new ArrayList<>(subjects))),
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng Sở Giáo dục và Đào tạo",
        PROPERTIES.recipients(), PROPERTIES.signer("chairman", SIGNER));
  }

  private static DecisionContent withSigner(DecisionContent c, StateFormat.Signer signer) {
    return new DecisionContent(c.issuer(), c.place(), c.number(), c.date(), c.authority(), c.citations(),
        c.proposal(), c.awards(), c.executors(), c.recipients(), signer);
  }

  static AwardedSubject individual(String name, String details, String achievements) {
    return new AwardedSubject(name, false, details, achievements, reward("1.0"));
  }

  static AwardedSubject collective(String name, String achievements) {
    return new AwardedSubject(name, true, null, achievements, reward("2.0"));
  }

  private static Reward reward(String coefficient) {
    BigDecimal c = new BigDecimal(coefficient);
    return new Reward(c, 2_340_000L, "Nghị định 73/2024/NĐ-CP", c.multiply(BigDecimal.valueOf(2_340_000L))
        .longValueExact());
  }

  /** Individuals and collectives mixed, with names that wrap and some that do not. */
  static List<AwardedSubject> manySubjects(int n) {
    String[] families = {"Nguyễn", "Lò", "Cầm", "Quàng", "Tòng", "Lường", "Hoàng", "Đinh"};
    return IntStream.rangeClosed(1, n).mapToObj(i -> i % 5 == 0
        ? collective("Trường Phổ thông Dân tộc Nội trú số " + i + " tỉnh Sơn La", null)
        : individual(families[i % families.length] + " Thị Thu Hà " + i,
            "Giáo viên Trường Trung học cơ sở Chiềng Sinh, phường Chiềng Sinh, tỉnh Sơn La", null)).toList();
  }

  /** The căn cứ lines as configured in application.yaml (tdkt.legal.citations). */
  static LegalCitations configuredCitations() {
    try {
      List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
          new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources.get(0))).bind("tdkt.legal", LegalCitations.class)
          .get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Renders the pages to PNG in target/screenshots for a person to look at. */
  static void screenshot(byte[] pdf, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 110);
        ImageIO.write(image, "png", dir.resolve(name + "-" + (i + 1) + ".png").toFile());
      }
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  private static String lastPageText(PDDocument document) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(document.getNumberOfPages());
    return stripper.getText(document);
  }

  /** Drops the page numbers and joins wrapped lines back together. */
  static String flatten(String text) {
    return text.replaceAll("(?m)^\\d+$", "").replaceAll("\\s+", " ");
  }

  /** The register's review notes stay in the register: an issued decision cites the source only. */
  @org.junit.jupiter.api.Test
  void aDecisionCitesTheSourceWithoutTheRegistersReviewNotes() {
    assertThat(DecisionDocument.citation("Nghị định 161/2026/NĐ-CP (theo nguồn thứ cấp — báo chí đưa tin; cần xác nhận"
        + " số hiệu, điều khoản)")).isEqualTo("Nghị định 161/2026/NĐ-CP");
    assertThat(DecisionDocument.citation("Nghị định 73/2024/NĐ-CP (Điều 3)")).isEqualTo("Nghị định 73/2024/NĐ-CP (Điều 3)");
    assertThat(DecisionDocument.citation(null)).isEmpty();
  }
}
