package vn.gov.sonla.tdkt.legal;

import org.springframework.security.access.prepost.PreAuthorize;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/legal-basis}: the register of legal values with their sources, for home-affairs, the council,
 * the Chairman, auditors and administrators; {@code GET /api/legal-basis.csv} the same as a CSV file (UTF-8 with
 * BOM, opens in Excel) for a legal officer's review.
 */
@RestController
public class LegalBasisController {

  private final LegalBasisService service;

  public LegalBasisController(LegalBasisService service) {
    this.service = service;
  }

  /**
   * The register of legal values: base salaries, rounding, award coefficients, holidays, deadlines and every DMN
   * rule row, each with its validity dates and source (how far the source was checked), for a legal officer.
   */
  @GetMapping("/api/legal-basis")
  @PreAuthorize("@legalAccess.canReadLegalBasis(authentication)")
  public List<LegalValue> list(@RequestParam(required = false) String category) {
    return filtered(category);
  }

  /** The register of legal values as CSV (UTF-8 with a BOM), for a legal officer's review in a spreadsheet. */
  @GetMapping("/api/legal-basis.csv")
  @PreAuthorize("@legalAccess.canReadLegalBasis(authentication)")
  public ResponseEntity<byte[]> csv(@RequestParam(required = false) String category) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("Nhóm,Mã,Nội dung,Giá trị,Hiệu lực từ,Hiệu lực đến,Căn cứ,Mức độ đối chiếu\r\n");
    for (LegalValue v : filtered(category)) {
      out.append(String.join(",", cell(v.category()), cell(v.key()), cell(v.label()), cell(v.value()),
          cell(v.validFrom() == null ? "" : v.validFrom().toString()),
          cell(v.validTo() == null ? "" : v.validTo().toString()), cell(v.source()), cell(v.readingLabel())))
          .append("\r\n");
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"can-cu-phap-ly.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<LegalValue> filtered(String category) {
    List<LegalValue> all = service.all();
    return category == null || category.isBlank() ? all
        : all.stream().filter(v -> v.category().equalsIgnoreCase(category.strip())).toList();
  }

  /** A CSV cell, quoted; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
