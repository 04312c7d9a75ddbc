package vn.gov.sonla.tdkt.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;

/**
 * Reports (dossiers, awards, processing times) as JSON, CSV and XLSX. Readers: auditors, home-affairs and
 * administrators; other users 403, anonymous 401 (security config). {@code year}: optional, 2000 to 2100.
 */
@RestController
public class ReportController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ReportService reports;
  private final StatisticsService statistics;
  private final CurrentUserProvider currentUser;

  public ReportController(ReportService reports, StatisticsService statistics, CurrentUserProvider currentUser) {
    this.reports = reports;
    this.statistics = statistics;
    this.currentUser = currentUser;
  }

  /**
   * The year's report: dossiers by status, award and unit, step durations and late steps, and one page of the
   * dossiers past the procedure's time limit (home-affairs, auditors, administrators).
   *
   * <p>{@code late.dossiers} holds page {@code late-page} of 100 late dossiers, most working days late first;
   * {@code late.total} counts them all (the exports carry every one).
   *
   * @param year the award year, 2000 to 2100; absent: every year
   * @param latePage the page of the late dossiers, 0-based (100 a page); absent: 0
   */
  @GetMapping("/api/reports")
  @PreAuthorize("@auditAccess.canReadReports(authentication)")
  public Report get(@RequestParam(required = false) String year,
      @RequestParam(name = "late-page", required = false) String latePage) {
    return reports.report(year(year), page(latePage));
  }

  /** Every table of the report, one block each (title, header, rows, blank line); UTF-8 with a BOM. */
  @GetMapping("/api/reports/export.csv")
  @PreAuthorize("@auditAccess.canReadReports(authentication)")
  public ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) String year) {
    Report report = reports.report(year(year));
    return attachment(filename(report, "csv"), new MediaType("text", "csv", StandardCharsets.UTF_8),
        ReportExport.csv(report));
  }

  /** Every table of the report, one sheet each. */
  @GetMapping("/api/reports/export.xlsx")
  @PreAuthorize("@auditAccess.canReadReports(authentication)")
  public ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) String year) {
    Report report = reports.report(year(year));
    return attachment(filename(report, "xlsx"), XLSX, ReportExport.xlsx(report));
  }

  /** The yearly statistics reported upward (Circular 02/2023/TT-BNV forms); {@code year} is required. */
  @GetMapping("/api/reports/statistics")
  @PreAuthorize("@auditAccess.canReadReports(authentication)")
  public StatisticsService.Statistics statistics(@RequestParam(required = false) String year) {
    return statistics.of(requiredYear(year));
  }

  /** The year's statistics forms of Circular 02/2023/TT-BNV as CSV (UTF-8 with a BOM), one block per form. */
  @GetMapping("/api/reports/statistics/export.csv")
  @PreAuthorize("@auditAccess.canReadReports(authentication)")
  public ResponseEntity<byte[]> statisticsCsv(@RequestParam(required = false) String year) {
    StatisticsService.Statistics s = statistics.of(requiredYear(year));
    return attachment("thong-ke-tdkt-" + s.year() + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
        ReportExport.csv("Thống kê công tác thi đua, khen thưởng năm " + s.year(), s.basis(), tables(s)));
  }

  /** The year's statistics forms of Circular 02/2023/TT-BNV as an Excel workbook, one sheet per form. */
  @GetMapping("/api/reports/statistics/export.xlsx")
  @PreAuthorize("@auditAccess.canReadReports(authentication)")
  public ResponseEntity<byte[]> statisticsXlsx(@RequestParam(required = false) String year) {
    StatisticsService.Statistics s = statistics.of(requiredYear(year));
    return attachment("thong-ke-tdkt-" + s.year() + ".xlsx", XLSX, ReportExport.xlsx(tables(s)));
  }

  private static java.util.List<ReportExport.Table> tables(StatisticsService.Statistics s) {
    return s.forms().stream().map(StatisticsService.Form::table).toList();
  }

  /** A figure for a cell of a statistics form the system does not hold; {@code amount} null clears it. */
  public record EntryRequest(Integer year, String form, String row, Integer column, Long amount) {}

  /**
   * Enters (or clears) a figure the system does not hold in a statistics form (Circular 02/2023/TT-BNV forms
   * 0601.N–0603.N: enterprises, business people, leader tiers, ...), Sở Nội vụ only; an audit record
   * STATISTICS_ENTERED with the value before and after. Answers the form as it now reads.
   */
  @PutMapping("/api/reports/statistics/entries")
  @PreAuthorize("@auditAccess.canEnterStatistics(authentication)")
  public StatisticsService.Form enter(@RequestBody EntryRequest request) {
    CurrentUser user = currentUser.get();
    if (request == null || request.year() == null || request.year() < 2000 || request.year() > 2100) {
      throw new BadInputException("Năm phải là số từ 2000 đến 2100.");
    }
    statistics.refusal(request.year(), request.form(), request.row(), request.column()).ifPresent(reason -> {
      throw new BadInputException(reason);
    });
    if (request.amount() != null && (request.amount() < 0 || request.amount() > 1_000_000_000L)) {
      throw new BadInputException("Số liệu phải là số nguyên từ 0 đến 1.000.000.000 (để trống để xóa).");
    }
    statistics.enter(request.year(), request.form().strip(), request.row().strip(), request.column(),
        request.amount(), user.id());
    String form = request.form().strip();
    return statistics.of(request.year()).forms().stream().filter(f -> f.code().equals(form)).findFirst()
        .orElseThrow();
  }

  private static int requiredYear(String value) {
    Integer year = year(value);
    if (year == null) {
      throw new BadInputException("Chọn năm báo cáo: thống kê được lập theo từng năm.");
    }
    return year;
  }



  /** The year parameter: absent or blank = every year; otherwise a whole number from 2000 to 2100. */
  static Integer year(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int year = Integer.parseInt(value.strip());
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadInputException("Năm phải là số từ 2000 đến 2100.");
  }

  /** The late-page parameter: absent or blank = 0; otherwise a whole number from 0. */
  static int page(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int page = Integer.parseInt(value.strip());
      if (page >= 0) {
        return page;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadInputException("Trang của danh sách hồ sơ quá hạn phải là số nguyên từ 0 trở lên.");
  }

  private static String filename(Report report, String extension) {
    return "bao-cao-" + (report.year() == null ? "tat-ca" : String.valueOf(report.year())) + "." + extension;
  }

  private static ResponseEntity<byte[]> attachment(String filename, MediaType type, byte[] body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .contentType(type)
        .body(body);
  }

  static class BadInputException extends RuntimeException {
    BadInputException(String message) {
      super(message);
    }
  }

  @ExceptionHandler(BadInputException.class)
  ProblemDetail badYear(BadInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create("https://sonla.gov.vn/tdkt/problems/invalid-input"));
    problem.setTitle("Dữ liệu không hợp lệ");
    return problem;
  }
}
