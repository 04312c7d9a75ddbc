package vn.gov.sonla.tdkt.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report as tables with Vietnamese headers: CSV (UTF-8 with a BOM, one block per table: title, header, rows,
 * blank line) or XLSX (one sheet per table), in the style of {@code plan.PlanExport}.
 */
public final class ReportExport {

  /** A table of the report; counts are numbers, everything else text. */
  public record Table(String title, List<String> header, List<List<Object>> rows) {}

  public static final List<String> PROCESSING_HEADER = List.of("Bước", "Nhóm", "Số lượt", "Trung vị (giờ)",
      "Phân vị 90 (giờ)", "Hạn", "Số lượt trễ hạn");

  private ReportExport() {}

  public static List<Table> tables(Report report) {
    Map<String, Map<String, String>> labels = report.labels();
    Report.Dossiers d = report.dossiers();
    List<Table> tables = new ArrayList<>();
    tables.add(counts("Hồ sơ theo trạng thái", "Trạng thái", d.byStatus(), labels.get("status")));
    tables.add(counts("Hồ sơ theo hình thức", "Hình thức khen thưởng", d.byAwardType(), labels.get("awardType")));
    tables.add(counts("Hồ sơ theo đơn vị", "Đơn vị", d.byUnit(), labels.get("unit")));
    tables.add(counts("Hồ sơ theo cụm, khối thi đua", "Cụm, khối thi đua", d.byBloc(), labels.get("bloc")));
    tables.add(counts("Hồ sơ theo loại khen thưởng", "Loại khen thưởng", d.byKind(), labels.get("kind")));
    tables.add(counts("Hồ sơ theo năm", "Năm", d.byYear(), Map.of()));

    List<List<Object>> awards = new ArrayList<>();
    for (Report.YearLevel row : report.awards().byYearAndLevel()) {
      awards.add(List.of(String.valueOf(row.year()), label(labels.get("level"), row.level()), row.count()));
    }
    tables.add(new Table("Khen thưởng theo năm và cấp", List.of("Năm", "Cấp khen thưởng", "Số lượt"), awards));
    tables.add(new Table("Khen thưởng tập thể, cá nhân", List.of("Đối tượng", "Số lượt"), List.of(
        List.of("Tập thể", report.awards().collective()), List.of("Cá nhân", report.awards().individual()))));
    Report.Priority p = report.awards().priority();
    tables.add(new Table("Ưu tiên người trực tiếp lao động và tập thể nhỏ", List.of("Chỉ tiêu", "Số lượt", "Tỷ lệ (%)"),
        List.of(List.of("Cá nhân được khen thưởng cấp tỉnh, cấp Nhà nước", p.individuals(), ""),
            List.of("trong đó: người trực tiếp lao động, công tác", p.directWorkers(), percent(p.directWorkerShare())),
            List.of("trong đó: cán bộ lãnh đạo, quản lý", p.leaders(), ""),
            List.of("Tập thể được khen thưởng cấp tỉnh, cấp Nhà nước", p.collectives(), ""),
            List.of("trong đó: tập thể nhỏ", p.smallCollectives(), percent(p.smallCollectiveShare())))));

    List<List<Object>> processing = new ArrayList<>();
    List<Report.Step> steps = new ArrayList<>(report.processing().steps());
    steps.add(report.processing().total());
    for (Report.Step step : steps) {
      processing.add(processingRow(step, "Tất cả", step.all()));
      step.byAppraiser().forEach((who, s) -> processingRow(processing, step, "Người thẩm định: " + who, s));
      step.byUnit().forEach((unit, s) ->
          processingRow(processing, step, "Đơn vị: " + label(labels.get("unit"), unit), s));
    }
    tables.add(new Table("Thời gian xử lý", PROCESSING_HEADER, processing));

    // every late dossier (the JSON report pages them)
    List<List<Object>> late = new ArrayList<>();
    for (Report.LateDossier l : report.late().dossiers()) {
      late.add(List.of(l.code(), label(labels.get("unit"), l.unitCode()), label(labels.get("awardType"), l.awardType()),
          text(l.subjectName()), text(l.statusLabel()), text(l.dueText()), text(l.stateLabel()),
          (long) l.workingDaysLate()));
    }
    tables.add(new Table("Hồ sơ quá hạn giải quyết", LATE_HEADER, late));
    return tables;
  }

  public static final List<String> LATE_HEADER = List.of("Mã hồ sơ", "Đơn vị", "Hình thức khen thưởng", "Đối tượng",
      "Trạng thái", "Hạn giải quyết", "Tình trạng thời hạn", "Số ngày làm việc quá hạn");

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static void processingRow(List<List<Object>> rows, Report.Step step, String group, DurationStats s) {
    rows.add(processingRow(step, group, s));
  }

  private static List<Object> processingRow(Report.Step step, String group, DurationStats s) {
    boolean hasDeadline = step.deadline() != null;
    return List.of(step.label(), group, s.count(), hours(s.medianHours()), hours(s.p90Hours()),
        hasDeadline ? step.deadline() : "Không có hạn riêng", hasDeadline ? s.late() : "");
  }

  private static Object percent(Double share) {
    return share == null ? "" : share;
  }

  private static Object hours(Double hours) {
    return hours == null ? "" : hours;
  }

  private static Table counts(String title, String column, Map<String, Long> counts, Map<String, String> labels) {
    List<List<Object>> rows = new ArrayList<>();
    counts.forEach((key, n) -> rows.add(List.of(label(labels, key), n)));
    return new Table(title, List.of(column, "Số hồ sơ"), rows);
  }

  /** "Name (CODE)" when the code has a name, else the code. */
  private static String label(Map<String, String> labels, String code) {
    String name = labels == null ? null : labels.get(code);
    return name == null || name.equals(code) ? code : name + " (" + code + ")";
  }

  public static byte[] csv(Report report) {
    return csv("Báo cáo thi đua, khen thưởng", report.year() == null ? "Tất cả các năm" : "Năm " + report.year(),
        tables(report));
  }

  /** The tables one block each after a title line; UTF-8 with a BOM. */
  public static byte[] csv(String title, String subtitle, List<Table> tables) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      printer.printRecord(title, subtitle);
      printer.println();
      for (Table table : tables) {
        printer.printRecord(table.title());
        printer.printRecord(table.header());
        for (List<Object> row : table.rows()) {
          printer.printRecord(row.stream().map(ReportExport::csvCell).toList());
        }
        printer.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String csvCell(Object value) {
    return value instanceof String s ? neutralise(s) : String.valueOf(value);
  }

  public static byte[] xlsx(Report report) {
    return xlsx(tables(report));
  }

  /**
   * One sheet per table, written as a stream (a window of rows in memory: the late dossiers of all years are tens of
   * thousands of rows).
   */
  public static byte[] xlsx(List<Table> tables) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(500);
    try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      for (Table table : tables) {
        Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.header().size(); c++) {
          Cell cell = header.createCell(c);
          cell.setCellValue(table.header().get(c));
          cell.setCellStyle(headerStyle);
        }
        for (int r = 0; r < table.rows().size(); r++) {
          Row row = sheet.createRow(r + 1);
          List<Object> values = table.rows().get(r);
          for (int c = 0; c < values.size(); c++) {
            Cell cell = row.createCell(c);
            Object value = values.get(c);
            if (value instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else {
              cell.setCellValue(String.valueOf(value)); // a text cell, never a formula
            }
          }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < table.header().size(); c++) {
          int chars = table.header().get(c).length();
          for (List<Object> row : table.rows()) {
            chars = Math.max(chars, String.valueOf(row.get(c)).length());
          }
          sheet.setColumnWidth(c, (Math.min(chars, 60) + 2) * 256);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose(); // the rows' temporary files
    }
  }

  /** A cell a spreadsheet would take for a formula (=, +, -, @) is kept as text by a leading apostrophe. */
  static String neutralise(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }
}
