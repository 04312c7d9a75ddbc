package vn.gov.sonla.tdkt.award;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * Reads a register file as officers keep it: CSV (UTF-8, with or without BOM, comma or semicolon) or XLSX
 * (first sheet), title rows above the header allowed, Vietnamese headers matched whatever their diacritics,
 * case and spacing ({@link Column}). Cells are text; XLSX date cells become {@code yyyy-MM-dd}.
 */
final class RegisterFile {

  /** The columns of the import format and the header wordings accepted for each. */
  enum Column {
    NO("STT", "tt", "so thu tu"),
    SUBJECT_KIND("Loại đối tượng", "doi tuong"),
    NAME("Họ và tên / Tên tập thể", "ho va ten", "ho ten", "ten tap the", "ho va ten, ten tap the",
        "ten ca nhan, tap the", "ten doi tuong"),
    BIRTH_DATE("Ngày sinh", "ngay, thang, nam sinh", "ngay thang nam sinh"),
    CITIZEN_ID("Số định danh cá nhân", "so cccd", "cccd", "so can cuoc", "can cuoc cong dan", "so cmnd/cccd",
        "so can cuoc cong dan"),
    POSITION("Chức vụ", "chuc vu, chuc danh"),
    WORK_UNIT("Đơn vị công tác", "noi cong tac"),
    UNIT_CODE("Mã đơn vị"),
    ROLE("Vai trò", "doi tuong uu tien"),
    YEAR("Năm", "nam khen thuong", "nam duoc khen thuong", "nam dat"),
    AWARD("Danh hiệu, hình thức khen thưởng", "hinh thuc khen thuong", "danh hieu thi dua", "danh hieu",
        "ma khen thuong", "danh hieu/hinh thuc khen thuong"),
    AWARD_KIND("Loại hình khen thưởng", "loai hinh"),
    DECISION_NUMBER("Số quyết định", "so qd", "so quyet dinh khen thuong"),
    DECISION_DATE("Ngày quyết định", "ngay qd", "ngay ky quyet dinh"),
    DECIDED_BY("Cấp quyết định", "co quan quyet dinh", "nguoi ky quyet dinh"),
    RATING("Xếp loại", "xep loai hoan thanh nhiem vu", "muc do hoan thanh nhiem vu", "xep loai chat luong");

    final String header;
    final List<String> folded = new ArrayList<>();

    Column(String header, String... aliases) {
      this.header = header;
      folded.add(VietnameseText.fold(header));
      for (String a : aliases) {
        folded.add(VietnameseText.fold(a));
      }
    }

    static Column of(String header) {
      String f = VietnameseText.fold(header == null ? "" : header.replace('\u00a0', ' ')).replaceAll("[*:]+$", "").strip();
      for (Column c : values()) {
        if (c.folded.contains(f)) {
          return c;
        }
      }
      return null;
    }
  }

  /** A data row: its number in the file (line or Excel row) and its cells by column. */
  record RawRow(int number, Map<Column, String> cells) {
    String get(Column c) {
      String v = cells.get(c);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  record Parsed(int headerRow, List<Column> columns, List<String> ignoredHeaders, List<RawRow> rows) {}

  static final class FileProblem extends Exception {
    FileProblem(String message) {
      super(message);
    }
  }

  private RegisterFile() {}

  static boolean isXlsx(String fileName, byte[] bytes) {
    return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
        || fileName != null && fileName.toLowerCase().endsWith(".xlsx");
  }

  static Parsed read(String fileName, byte[] bytes) throws FileProblem {
    List<List<String>> table = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    if (isXlsx(fileName, bytes)) {
      readXlsx(bytes, table, numbers);
    } else {
      readCsv(bytes, table, numbers);
    }
    int header = -1;
    for (int i = 0; i < Math.min(20, table.size()) && header < 0; i++) {
      if (table.get(i).stream().anyMatch(h -> Column.of(h) == Column.NAME)) {
        header = i;
      }
    }
    if (header < 0) {
      throw new FileProblem("Không tìm thấy dòng tiêu đề: cần cột \"" + Column.NAME.header + "\" trong 20 dòng đầu.");
    }
    List<Column> columns = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (String h : table.get(header)) {
      Column c = Column.of(h);
      if (c != null && columns.contains(c)) {
        throw new FileProblem("Cột \"" + c.header + "\" có hai lần trong dòng tiêu đề.");
      }
      columns.add(c);
      if (c == null && h != null && !h.isBlank()) {
        ignored.add(h.strip());
      }
    }
    if (!columns.contains(Column.YEAR)) {
      throw new FileProblem("Thiếu cột \"" + Column.YEAR.header + "\".");
    }
    if (!columns.contains(Column.AWARD) && !columns.contains(Column.RATING)) {
      throw new FileProblem("Cần cột \"" + Column.AWARD.header + "\" hoặc cột \"" + Column.RATING.header + "\".");
    }
    List<RawRow> rows = new ArrayList<>();
    for (int i = header + 1; i < table.size(); i++) {
      List<String> cells = table.get(i);
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        continue;
      }
      Map<Column, String> byColumn = new LinkedHashMap<>();
      for (int j = 0; j < cells.size() && j < columns.size(); j++) {
        if (columns.get(j) != null) {
          byColumn.put(columns.get(j), cells.get(j));
        }
      }
      rows.add(new RawRow(numbers.get(i), byColumn));
    }
    return new Parsed(numbers.get(header), columns, ignored, rows);
  }

  /**
   * UTF-8, invalid bytes replaced by U+FFFD so that the rows holding them are reported (a file saved in a legacy
   * encoding such as Windows-1258 or TCVN3 shows up there, row by row).
   */
  private static void readCsv(byte[] bytes, List<List<String>> table, List<Integer> numbers) throws FileProblem {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new FileProblem("Không đọc được tệp CSV: " + e.getMessage());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String firstLine = text.lines().findFirst().orElse("");
    char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
    for (String line : text.lines().limit(20).toList()) {
      if (count(line, ';') > count(line, ',')) {
        delimiter = ';';
        break;
      }
      if (count(line, ',') > 2) {
        break;
      }
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>();
        record.forEach(cells::add);
        table.add(cells);
        numbers.add((int) parser.getCurrentLineNumber());
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new FileProblem("Không đọc được tệp CSV (dấu ngoặc kép không đóng?): " + e.getMessage());
    }
  }

  private static void readXlsx(byte[] bytes, List<List<String>> table, List<Integer> numbers) throws FileProblem {
    DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? null : text(cell, formatter));
        }
        table.add(cells);
        numbers.add(row.getRowNum() + 1);
      }
    } catch (IOException | RuntimeException e) {
      throw new FileProblem("Không đọc được tệp XLSX: " + e.getMessage());
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
      return date.toString();
    }
    if (type == CellType.NUMERIC) {
      double v = cell.getNumericCellValue();
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        return String.valueOf((long) v);
      }
    }
    return formatter.formatCellValue(cell);
  }

  private static int count(String s, char c) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        quoted = !quoted;
      } else if (!quoted && s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
