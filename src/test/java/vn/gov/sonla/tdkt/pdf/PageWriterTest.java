package vn.gov.sonla.tdkt.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The word wrap measures lines incrementally and must break them exactly where measuring each line whole does. */
class PageWriterTest {

  static final String[] WORDS = ("Ủy ban nhân dân tỉnh Sơn La Chiến sĩ thi đua cấp tỉnh Bằng khen của Chủ tịch UBND"
      + " Nguyễn Thị Hương Giáo viên Trường THPT Chiềng Sinh, thành phố ĐÃ có thành tích xuất sắc trong công tác"
      + " giảng dạy và bồi dưỡng học sinh giỏi năm học 2024 - 2025; góp phần tích cực (phong trào) “Dạy tốt, học tốt”"
      + " 12/QĐ-UBND office fi fl … WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW").split(" ");

  @Test
  void breaksLinesWhereWholeLineMeasurementDoes() throws IOException {
    try (PDDocument document = new PDDocument(); InputStream fontData = StateFormat.regularFont()) {
      PDType0Font font = PDType0Font.load(document, fontData);
      PageWriter writer = new PageWriter(document, font);
      Random random = new Random(7);
      for (int n = 0; n < 400; n++) {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(60);
        for (int i = 0; i < words; i++) {
          text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(15) == 0 ? "\n" : " ");
        }
        float size = new float[] {11f, 12f, 13f, 14f}[random.nextInt(4)];
        float first = 60 + random.nextInt(400);
        float width = 60 + random.nextInt(400);
        assertThat(writer.wrap(text.toString(), size, first, width)).as(text + " @" + size + "/" + first + "/" + width)
            .isEqualTo(reference(font, text.toString(), size, first, width));
        String line = text.toString().replace('\n', ' ').strip();
        assertThat(writer.textWidth(line, size)).isEqualTo(font.getStringWidth(printable(font, line)) / 1000f * size);
      }
      writer.close();
    }
  }

  /** The word wrap as it was, measuring every candidate line with the font. */
  static List<String> reference(PDType0Font font, String text, float size, float firstWidth, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(font, text).strip().split("\\s*\\R\\s*")) {
      String line = "";
      for (String word : paragraph.split("\\s+")) {
        float available = lines.isEmpty() ? firstWidth : width;
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (w(font, candidate, size) <= available) {
          line = candidate;
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line);
          available = width;
        }
        while (word.length() > 1 && w(font, word, size) > available) {
          int cut = word.length() - 1;
          while (cut > 1 && w(font, word.substring(0, cut), size) > available) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
          available = width;
        }
        line = word;
      }
      lines.add(line);
    }
    return lines;
  }

  static float w(PDType0Font font, String text, float size) throws IOException {
    return font.getStringWidth(printable(font, text)) / 1000f * size;
  }

  static String printable(PDType0Font font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\r' || cp == '\t') {
        out.appendCodePoint(cp);
      } else if (Character.getType(cp) == Character.FORMAT) {
        return;
      } else if (Character.isISOControl(cp) || font.getCmapLookup().getGlyphId(cp) == 0) {
        out.append('?');
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
