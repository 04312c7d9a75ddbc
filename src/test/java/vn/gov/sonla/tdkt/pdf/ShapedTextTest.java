package vn.gov.sonla.tdkt.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The remembered shaping writes the very bytes PDFBox's own {@code showText} writes, and the same font subset. */
class ShapedTextTest {

  static final List<String> LINES = List.of(
      "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 12/QĐ-UBND", "Sơn La, ngày 05 tháng 3 năm 2025",
      "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, cá nhân sau đây:",
      "ligatures: file, flow, office, affluent, fjord; ﬁ ﬂ", "two  spaces, trailing ",
      "Nguyễn Thị Hương, Giáo viên Trường THPT Chiềng Sinh", "1234567890 (%) «quoted» — “curly” ‘single’ …",
      "Giáo viên", "Giáo viên");

  @Test
  void writesTheSameContentAndSubsetAsShowText() throws IOException {
    assertThat(render(false)).isEqualTo(render(true));
  }

  @Test
  void isTheSameFromConcurrentDocuments() throws Exception {
    List<String> expected = render(false);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<String>>> renders = java.util.Collections.nCopies(8, () -> render(true));
      for (Future<List<String>> result : pool.invokeAll(renders)) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The page's content stream and the embedded (subset) font file, after save and reload. */
  private static List<String> render(boolean shaped) throws IOException {
    byte[] pdf;
    try (PDDocument document = new PDDocument(); InputStream fontData = StateFormat.regularFont()) {
      PDType0Font font = PDType0Font.load(document, fontData);
      ShapedText shaping = new ShapedText(font);
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
        float y = 800;
        for (String line : LINES) {
          stream.beginText();
          stream.setFont(font, 12);
          stream.newLineAtOffset(50, y -= 20);
          if (shaped) {
            shaping.show(stream, line);
          } else {
            stream.showText(line);
          }
          stream.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      pdf = out.toByteArray();
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      String content;
      try (InputStream in = page.getContents()) {
        content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      PDFont font = page.getResources().getFont(page.getResources().getFontNames().iterator().next());
      PDType0Font type0 = (PDType0Font) font;
      byte[] fontFile;
      try (InputStream in = type0.getDescendantFont().getFontDescriptor().getFontFile2().createInputStream()) {
        fontFile = in.readAllBytes();
      }
      return List.of(content, type0.getName(), java.util.HexFormat.of().formatHex(fontFile),
          String.valueOf(type0.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) != null));
    }
  }
}
