package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.gov.sonla.tdkt.pdf.StateFormat;

/**
 * {@code tdkt.legal.citations.<regime>}: the căn cứ lines of a decision per legal regime (the regime of the
 * eligibility rules, e.g. {@code ND152-2025}, {@code ND98-2023}), each exact with its document's number, date and
 * name, and the source it was checked against. A line may be limited to the signing dates it is in force
 * ({@code in-force-from}, {@code in-force-until}: e.g. the Law on Local Government of 2015 until 2025-06-30).
 * Start-up fails on a line without text or source, or a line repeated within a regime.
 */
@ConfigurationProperties("tdkt.legal")
public record LegalCitations(Map<String, List<Citation>> citations) {

  /**
   * One căn cứ line.
   *
   * @param text     printed after "Căn cứ ", e.g. "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
   * @param document number of the document, e.g. "06/2022/QH15"
   * @param issued   date the document was issued
   * @param source   where the number, date and name were checked ("to confirm" when not yet)
   */
  public record Citation(String text, String document, LocalDate issued, String source, LocalDate inForceFrom,
      LocalDate inForceUntil) {

    boolean inForceOn(LocalDate date) {
      return (inForceFrom == null || !date.isBefore(inForceFrom))
          && (inForceUntil == null || !date.isAfter(inForceUntil));
    }

    /** "Căn cứ …" as printed. */
    public String line() {
      String t = text.strip();
      return t.toLowerCase(StateFormat.VIETNAMESE).startsWith("căn cứ ") ? t : "Căn cứ " + t;
    }
  }

  public LegalCitations {
    citations = citations == null ? Map.of() : new LinkedHashMap<>(citations);
    citations.forEach((regime, lines) -> {
      Set<String> seen = new HashSet<>();
      for (Citation c : lines) {
        if (c.text() == null || c.text().isBlank()) {
          throw new IllegalStateException("tdkt.legal.citations." + regime + ": a line has no text");
        }
        if (c.source() == null || c.source().isBlank()) {
          throw new IllegalStateException("tdkt.legal.citations." + regime + ": \"" + c.text() + "\" has no source");
        }
        if (!seen.add(key(c.line()))) {
          throw new IllegalStateException("tdkt.legal.citations." + regime + ": \"" + c.text() + "\" is repeated");
        }
      }
    });
  }

  /** The căn cứ lines of the regime in force on the signing date, in order, each once. */
  public List<String> lines(String regime, LocalDate signed) {
    List<Citation> lines = citations.get(regime);
    if (lines == null || lines.isEmpty()) {
      throw new IllegalStateException("No căn cứ lines configured for the legal regime " + regime
          + " (tdkt.legal.citations." + regime + ")");
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Citation c : lines) {
      if (c.inForceOn(signed) && seen.add(key(c.line()))) {
        out.add(c.line());
      }
    }
    return out;
  }

  /** The same line whatever its case, spacing and final punctuation. */
  private static String key(String line) {
    return line.strip().toLowerCase(StateFormat.VIETNAMESE).replaceAll("\\s+", " ").replaceAll("[;.,]+$", "");
  }
}
