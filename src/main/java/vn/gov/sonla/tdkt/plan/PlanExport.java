package vn.gov.sonla.tdkt.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A plan's items as a spreadsheet: CSV (UTF-8 with a BOM, so that Excel reads Vietnamese) or XLSX. */
public final class PlanExport {

  public static final List<String> HEADER = List.of("Mục", "Nội dung", "Thời gian", "Đơn vị chủ trì",
      "Đơn vị phối hợp", "Hạn", "Trạng thái", "Ngày hoàn thành", "Kết quả");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** Widest column, in characters, before the text wraps. */
  private static final int MAX_WIDTH_CHARS = 60;

  private PlanExport() {}

  /** One row per item, in the columns of {@link #HEADER}. */
  public static List<List<String>> rows(PlanProgress progress) {
    List<List<String>> rows = new ArrayList<>();
    for (PlanProgress.Item row : progress.items()) {
      PlanStore.ItemStatus item = row.item();
      rows.add(List.of(item.section() + "." + item.number(), text(item.content()), text(item.timing()),
          text(item.leadUnit()), text(item.coordinatingUnits()), date(item.dueDate()), row.stateLabel(),
          date(item.completedAt()), text(item.result())));
    }
    return rows;
  }

  public static byte[] csv(PlanProgress progress) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      printer.printRecord(HEADER);
      for (List<String> row : rows(progress)) {
        printer.printRecord(row.stream().map(PlanExport::neutralise).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] xlsx(int year, PlanProgress progress) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName("Kế hoạch " + year));
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      CellStyle bodyStyle = workbook.createCellStyle();
      bodyStyle.setVerticalAlignment(VerticalAlignment.TOP);
      bodyStyle.setWrapText(true);

      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADER.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(HEADER.get(c));
        cell.setCellStyle(headerStyle);
      }
      List<List<String>> rows = rows(progress);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          Cell cell = row.createCell(c);
          cell.setCellValue(rows.get(r).get(c)); // always a text cell, never a formula
          cell.setCellStyle(bodyStyle);
        }
      }
      sheet.createFreezePane(0, 1);
      size(sheet, rows);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Autosized columns, capped so that long content wraps; by character count where no fonts are installed. */
  private static void size(Sheet sheet, List<List<String>> rows) {
    for (int c = 0; c < HEADER.size(); c++) {
      int chars = HEADER.get(c).length();
      for (List<String> row : rows) {
        chars = Math.max(chars, row.get(c).length());
      }
      int fallback = (Math.min(chars, MAX_WIDTH_CHARS) + 2) * 256;
      try {
        sheet.autoSizeColumn(c);
        if (sheet.getColumnWidth(c) > (MAX_WIDTH_CHARS + 2) * 256) {
          sheet.setColumnWidth(c, (MAX_WIDTH_CHARS + 2) * 256);
        }
      } catch (RuntimeException | LinkageError e) {
        sheet.setColumnWidth(c, fallback);
      }
    }
  }

  /** A cell a spreadsheet would take for a formula (=, +, -, @) is kept as text by a leading apostrophe. */
  static String neutralise(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  private static String date(OffsetDateTime at) {
    return at == null ? "" : DATE.format(at.atZoneSameInstant(PlanProgress.ZONE));
  }
}
