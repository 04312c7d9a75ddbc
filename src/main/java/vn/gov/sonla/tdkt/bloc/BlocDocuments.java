package vn.gov.sonla.tdkt.bloc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.decision.DecisionDocument;
import vn.gov.sonla.tdkt.pdf.PageWriter;
import vn.gov.sonla.tdkt.pdf.PageWriter.Style;

/** Simple A4 PDFs of a bloc's year: the review minutes with the ranking, the proposal letter, the report. */
@Component
public class BlocDocuments {

  /** A document: a heading block, a title, then paragraphs. */
  public byte[] render(String issuer, String title, String subtitle, List<String> paragraphs) {
    try (PDDocument document = new PDDocument();
         InputStream fontData = DecisionDocument.class.getResourceAsStream(DecisionDocument.FONT_RESOURCE)) {
      PDType0Font font = PDType0Font.load(document, fontData);
      try (PageWriter w = new PageWriter(document, font)) {
        w.centred(issuer.toUpperCase(java.util.Locale.forLanguageTag("vi")), w.left(), w.width(), 12f, Style.BOLD);
        w.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc", w.left(), w.width(), 12f,
            Style.REGULAR);
        w.gap(20);
        w.centred(title, w.left(), w.width(), 14f, Style.BOLD);
        if (subtitle != null) {
          w.centred(subtitle, w.left(), w.width(), 13f, Style.BOLD);
        }
        w.gap(14);
        for (String p : paragraphs) {
          w.paragraph(p, 13f, 28f, 0f, Style.REGULAR, null);
        }
      }
      document.getDocumentInformation().setTitle(title);
      document.getDocumentCatalog().setLanguage("vi");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + title, e);
    }
  }
}
