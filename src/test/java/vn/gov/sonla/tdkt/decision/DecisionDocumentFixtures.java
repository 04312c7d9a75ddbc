package vn.gov.sonla.tdkt.decision;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Samples and helpers for tests of documents outside this package. */
public final class DecisionDocumentFixtures {

  private DecisionDocumentFixtures() {}

  public static DecisionContent sample() {
    return DecisionDocumentTest.decision("ND152-2025", List.of(
        DecisionDocumentTest.individual("Nguyễn Thị Hương", "Giáo viên Trường THPT Chiềng Sinh", null),
        DecisionDocumentTest.collective("Trường THPT Chiềng Sinh", null)));
  }

  /** Renders the pages to PNG in target/screenshots. */
  public static void screenshot(byte[] pdf, String name) throws IOException {
    DecisionDocumentTest.screenshot(pdf, name);
  }

  /** The base names of the fonts of every page (subset tags dropped). */
  public static Set<String> fontNames(PDDocument document) throws IOException {
    Set<String> names = new TreeSet<>();
    for (PDPage page : document.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        names.add(page.getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
      }
    }
    return names;
  }
}
