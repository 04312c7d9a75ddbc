package vn.gov.sonla.tdkt.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.AwardReward;
import vn.gov.sonla.tdkt.award.RewardMoney;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.award.SubjectRole;

/**
 * The yearly statistics the province reports upward on commendation work, in the shape of the report forms of
 * Circular 02/2023/TT-BNV (biểu 0601.N–0605.N/BNV-TĐKT): 0601.N–0603.N with the rows and columns of the forms as
 * a public implementation of the circular names them (secondary source, {@link #CIRCULAR_LAYOUT_SOURCE}; cells the
 * system does not hold are left empty for Sở Nội vụ), 0604.N and 0605.N as the system's own tables (awards by kind
 * and subject; reward money) until the circular's forms are found ({@link #OWN_LAYOUT}). Awards are the award
 * register's entries of the year (the pipeline's decisions and the imported ones). Unit-level titles (Lao động
 * tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến) are decided and paid by the units and are left
 * out.
 */
@Service
public class StatisticsService {

  /**
   * One form: its code, title, what it covers, where its row and column names come from (and how far that was
   * checked), its header and rows (counts are numbers; "" in a cell the system does not hold, for Sở Nội vụ to fill).
   */
  public record Form(String code, String title, String note, String layoutSource, List<String> header,
      List<List<Object>> rows) {

    ReportExport.Table table() {
      return new ReportExport.Table(code + " " + title, header, rows);
    }
  }

  public record Statistics(int year, String basis, List<Form> forms) {}

  static final String BASIS = "Thông tư 02/2023/TT-BNV, biểu 0601.N–0605.N/BNV-TĐKT (theo dữ liệu của hệ thống)";
  static final String UNCLASSIFIED = "Chưa phân loại";

  private final JdbcClient jdbc;
  private final AwardCatalog catalog;
  private final RewardMoney rewardMoney;
  private final AuditLog audit;

  private final java.time.Clock clock;

  public StatisticsService(JdbcClient jdbc, AwardCatalog catalog, RewardMoney rewardMoney, AuditLog audit,
      java.time.Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.rewardMoney = rewardMoney;
    this.audit = audit;
  }

  /** The forms of the year, with the figures Sở Nội vụ entered in the cells the system does not hold. */
  public Statistics of(int year) {
    Statistics computed = computed(year);
    List<Entry> entries = entries(year);
    if (entries.isEmpty()) {
      return computed;
    }
    return new Statistics(year, computed.basis(), computed.forms().stream().map(f -> withEntries(f, entries))
        .toList());
  }

  private Statistics computed(int year) {
    List<AwardCount> awards = awards(year);
    Map<String, AwardTypeRow> types = awardTypes();
    return new Statistics(year, BASIS, List.of(movements(year), stateAwards(awards, types),
        provincialAwards(awards, types), bySubject(awards, types), rewardMoney(year, types)));
  }

  // ------------------------------------------------------------------ figures entered by Sở Nội vụ

  public static final String AUDIT_KIND = "STATISTICS_ENTERED";

  /** Forms whose empty cells Sở Nội vụ may fill (those laid out as the circular's forms). */
  public static final List<String> ENTERABLE_FORMS = List.of("0601.N/BNV-TĐKT", "0602.N/BNV-TĐKT",
      "0603.N/BNV-TĐKT");

  /** A figure entered for a cell: the form's row code (mã số) and column (0: Tổng số, 1…: the columns). */
  public record Entry(int year, String form, String row, int column, long amount, String enteredBy,
      java.time.OffsetDateTime enteredAt) {}

  private List<Entry> entries(int year) {
    return jdbc.sql("SELECT report_year, form_code, row_code, column_index, amount, entered_by, entered_at"
            + " FROM statistics_entry WHERE report_year = :year")
        .param("year", year)
        .query((rs, i) -> new Entry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
            rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class)))
        .list();
  }

  /**
   * Why the cell may not be entered, in Vietnamese, or empty when it may: the form must be one of the circular's,
   * the row one of its coded rows, the column one of its columns, and the cell one the system does not hold.
   */
  public Optional<String> refusal(int year, String form, String row, Integer column) {
    if (form == null || !ENTERABLE_FORMS.contains(form.strip())) {
      return Optional.of("Chỉ nhập số liệu cho các biểu " + String.join(", ", ENTERABLE_FORMS) + ".");
    }
    Form computed = computed(year).forms().stream().filter(f -> f.code().equals(form.strip())).findFirst()
        .orElseThrow();
    List<Object> cells = row == null || row.isBlank() ? null : computed.rows().stream()
        .filter(r -> row.strip().equals(r.get(1))).findFirst().orElse(null);
    if (cells == null) {
      return Optional.of("Biểu " + computed.code() + " không có dòng mã số \"" + (row == null ? "" : row.strip())
          + "\".");
    }
    int columns = computed.header().size() - 3;
    if (column == null || column < 0 || column >= columns) {
      return Optional.of("Cột phải là số từ 0 (Tổng số) đến " + (columns - 1) + ".");
    }
    if (!NOT_HELD.equals(cells.get(3 + column))) {
      return Optional.of("Ô này do hệ thống tính từ sổ khen thưởng, không nhập tay được.");
    }
    return Optional.empty();
  }

  /**
   * Sets (or, with a null amount, clears) the figure of a cell the system does not hold; an audit record in the
   * same transaction. The caller checked {@link #refusal} and the amount.
   */
  @org.springframework.transaction.annotation.Transactional
  public Entry enter(int year, String form, String row, int column, Long amount, String user) {
    Optional<Long> before = jdbc.sql("SELECT amount FROM statistics_entry WHERE report_year = :year AND form_code ="
            + " :form AND row_code = :row AND column_index = :column")
        .param("year", year).param("form", form).param("row", row).param("column", column)
        .query(Long.class).optional();
    jdbc.sql("DELETE FROM statistics_entry WHERE report_year = :year AND form_code = :form AND row_code = :row"
            + " AND column_index = :column")
        .param("year", year).param("form", form).param("row", row).param("column", column).update();
    java.time.OffsetDateTime now = vn.gov.sonla.tdkt.engine.EngineClock.utc(clock);
    if (amount != null) {
      jdbc.sql("INSERT INTO statistics_entry (report_year, form_code, row_code, column_index, amount, entered_by,"
              + " entered_at) VALUES (:year, :form, :row, :column, :amount, :user, :at)")
          .param("year", year).param("form", form).param("row", row).param("column", column)
          .param("amount", amount).param("user", user).param("at", now).update();
    }
    audit.append(null, AUDIT_KIND, AuditLog.detail("year", year, "form", form, "row", row, "column", column,
        "before", before.orElse(null), "after", amount));
    return new Entry(year, form, row, column, amount == null ? 0 : amount, user, now);
  }

  /** The form with the entered figures in its empty cells; a row's computed total adds its entered columns. */
  static Form withEntries(Form form, List<Entry> entries) {
    List<Entry> mine = entries.stream().filter(e -> e.form().equals(form.code())).toList();
    if (mine.isEmpty()) {
      return form;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : form.rows()) {
      List<Object> cells = new ArrayList<>(row);
      boolean totalHeld = !NOT_HELD.equals(cells.get(3));
      long added = 0;
      boolean any = false;
      for (Entry e : mine) {
        int index = 3 + e.column();
        if (!e.row().equals(cells.get(1)) || index >= cells.size() || !NOT_HELD.equals(cells.get(index))) {
          continue;
        }
        cells.set(index, e.amount());
        if (e.column() > 0) {
          added += e.amount();
          any = true;
        }
      }
      if (totalHeld && any) {
        cells.set(3, ((Number) cells.get(3)).longValue() + added);
      } else if (!totalHeld && any && NOT_HELD.equals(cells.get(3))) {
        cells.set(3, added);
      }
      rows.add(cells);
    }
    return new Form(form.code(), form.title(), form.note(), form.layoutSource(), form.header(), rows);
  }

  /**
   * Where the row and column names of forms 0601.N–0603.N come from: the primary text of Circular 02/2023/TT-BNV
   * was not found; the names follow a public implementation of its forms, which is a secondary source.
   */
  public static final String CIRCULAR_LAYOUT_SOURCE = "Thông tư 02/2023/TT-BNV ngày 23/3/2023, biểu %s — tên dòng,"
      + " cột theo mẫu biểu của một phần mềm thi đua, khen thưởng công khai (github.com/lifephongphanmem/"
      + "thiduakhenthuong, resources/views/BaoCao/TT022023), theo nguồn thứ cấp; cần đối chiếu nguyên văn Thông tư"
      + " (không tìm được văn bản gốc khi tra cứu ngày 07/12/2026).";

  /**
   * Forms 0604.N and 0605.N were not found in any source: the tables under these codes are the system's own
   * (awards by kind and subject; reward money), kept until the circular's layout is confirmed.
   */
  public static final String OWN_LAYOUT = "Cần xác nhận: không tìm được mẫu biểu %s của Thông tư 02/2023/TT-BNV"
      + " (nguyên văn hay nguồn thứ cấp) khi tra cứu ngày 07/12/2026; theo báo cáo rà soát (issue 18, chưa đối"
      + " chiếu), biểu này là %s, do Sở Nội vụ lập. Bảng dưới đây là bảng riêng của hệ thống, không phải mẫu của"
      + " Thông tư.";

  /** A cell the system does not hold: left empty for Sở Nội vụ to fill in. */
  static final String NOT_HELD = "";

  // ------------------------------------------------------------------ rows and columns of the circular's forms

  /**
   * A row of a circular form: its code (mã số, empty for a heading), label, unit of count (đơn vị tính) and which
   * award register entries it counts (null for a heading or a figure the system does not hold).
   */
  record Line(String code, String label, String unit, java.util.function.Predicate<AwardCount> counts,
      boolean held) {

    static Line heading(String label) {
      return new Line("", label, "", null, false);
    }

    static Line of(String code, String label, String unit, java.util.function.Predicate<AwardCount> counts) {
      return new Line(code, label, unit, counts, true);
    }

    static Line notHeld(String code, String label, String unit) {
      return new Line(code, label, unit, null, false);
    }
  }

  /** A column of a circular form: its name and which award entries it counts (null: not held). */
  record Column(String label, java.util.function.Predicate<AwardCount> counts) {}

  private static java.util.function.Predicate<AwardCount> subject(SubjectKind kind) {
    return a -> kind.name().equals(a.subjectKind());
  }

  private static java.util.function.Predicate<AwardCount> role(SubjectRole role) {
    return a -> SubjectKind.INDIVIDUAL.name().equals(a.subjectKind()) && role.name().equals(a.role());
  }

  private static java.util.function.Predicate<AwardCount> kind(AwardKind kind) {
    return a -> kind.name().equals(a.awardKind());
  }

  private static java.util.function.Predicate<AwardCount> award(String code, SubjectKind... kinds) {
    List<String> names = java.util.Arrays.stream(kinds).map(Enum::name).toList();
    return a -> a.awardType().equals(code) && (names.isEmpty() || names.contains(a.subjectKind()));
  }

  /** Rows "chia theo đối tượng" and "chia theo phương thức" shared by 0602.N and 0603.N, numbered from first. */
  private static List<Line> subjectAndMethodLines(int first) {
    List<Line> lines = new ArrayList<>();
    int n = first;
    lines.add(Line.of(code(n++), "- Tập thể", "Tập thể", subject(SubjectKind.COLLECTIVE)));
    lines.add(Line.notHeld(code(n++), "Trong đó: Doanh nghiệp", "Doanh nghiệp"));
    lines.add(Line.of(code(n++), "- Hộ gia đình", "Hộ", subject(SubjectKind.HOUSEHOLD)));
    lines.add(Line.of(code(n++), "- Cá nhân", "Người", subject(SubjectKind.INDIVIDUAL)));
    lines.add(Line.notHeld(code(n++), "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", "Người"));
    lines.add(Line.notHeld(code(n++), "+ Lãnh đạo cấp vụ, sở, ngành và tương đương", "Người"));
    lines.add(Line.notHeld(code(n++), "+ Doanh nhân", "Người"));
    lines.add(Line.notHeld(code(n++), "+ Các cấp lãnh đạo khác từ phó phòng trở lên", "Người"));
    lines.add(Line.of(code(n++), "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"
        + " (công nhân, nông dân,...)", "Người", role(SubjectRole.DIRECT_WORKER)));
    lines.add(Line.heading("3. Chia theo phương thức khen thưởng"));
    lines.add(Line.of(code(n++), "- Thường xuyên", "", kind(AwardKind.ANNUAL)));
    lines.add(Line.of(code(n++), "- Chuyên đề", "", kind(AwardKind.THEMATIC)));
    lines.add(Line.of(code(n++), "- Đột xuất", "", kind(AwardKind.SUDDEN)));
    lines.add(Line.of(code(n++), "- Đối ngoại", "", kind(AwardKind.DIPLOMATIC)));
    lines.add(Line.of(code(n++), "- Cống hiến", "", kind(AwardKind.CONTRIBUTION)));
    lines.add(Line.of(code(n++), "- Niên hạn", "", kind(AwardKind.SENIORITY)));
    lines.add(Line.notHeld(code(n), "- Kháng chiến", ""));
    return lines;
  }

  private static String code(int n) {
    return String.format("%02d", n);
  }

  /** Header of a circular form: the row label, code, unit, the total and the columns. */
  private static List<String> header(List<Column> columns) {
    List<String> header = new ArrayList<>(List.of("Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số"));
    columns.forEach(c -> header.add(c.label()));
    return header;
  }

  /** Counts of the award entries of the given level per row and column; the total is the sum of the columns. */
  private static List<List<Object>> count(List<Line> lines, List<Column> columns, List<AwardCount> awards,
      java.util.function.Predicate<AwardCount> level) {
    List<List<Object>> rows = new ArrayList<>();
    for (Line line : lines) {
      List<Object> cells = new ArrayList<>(List.of(line.label(), line.code(), line.unit()));
      if (line.counts() == null) {
        for (int i = 0; i <= columns.size(); i++) {
          cells.add(NOT_HELD);
        }
        rows.add(cells);
        continue;
      }
      long total = 0;
      List<Object> values = new ArrayList<>();
      for (Column column : columns) {
        if (column.counts() == null) {
          values.add(NOT_HELD);
          continue;
        }
        long n = awards.stream().filter(level).filter(line.counts()).filter(column.counts())
            .mapToLong(AwardCount::count).sum();
        values.add(n);
        total += n;
      }
      cells.add(total);
      cells.addAll(values);
      rows.add(cells);
    }
    return rows;
  }

  private static java.util.function.Predicate<AwardCount> level(Map<String, AwardTypeRow> types, AwardLevel level) {
    return a -> types.containsKey(a.awardType()) && types.get(a.awardType()).level() == level;
  }

  /** Individuals recorded as leaders (lãnh đạo, quản lý) without their tier, for the note. */
  private static long leaders(List<AwardCount> awards, java.util.function.Predicate<AwardCount> level) {
    return awards.stream().filter(level).filter(role(SubjectRole.LEADER)).mapToLong(AwardCount::count).sum();
  }

  // ------------------------------------------------------------------ 0602.N: State awards

  private Form stateAwards(List<AwardCount> awards, Map<String, AwardTypeRow> types) {
    java.util.function.Predicate<AwardCount> state = level(types, AwardLevel.STATE);
    List<String> named = List.of("HCLD_3", "CO_CP", "BK_TTG", "CSTD_TQ");
    java.util.function.Predicate<AwardCount> other = a -> !named.contains(a.awardType());
    List<Column> columns = List.of(
        new Column("Các loại huân chương, huy chương: Huân chương Lao động hạng Ba — Tập thể",
            award("HCLD_3", SubjectKind.COLLECTIVE)),
        new Column("Các loại huân chương, huy chương: Huân chương Lao động hạng Ba — Cá nhân",
            award("HCLD_3", SubjectKind.INDIVIDUAL)),
        new Column("Giải thưởng Hồ Chí Minh — Cá nhân", null),
        new Column("Giải thưởng Nhà nước — Cá nhân", null),
        new Column("Danh hiệu vinh dự nhà nước (mỗi hình thức khen thưởng ghi riêng một cột)", null),
        new Column("Cờ thi đua của Chính phủ — Tập thể", award("CO_CP", SubjectKind.COLLECTIVE)),
        new Column("Bằng khen của Thủ tướng Chính phủ — Tập thể", award("BK_TTG", SubjectKind.COLLECTIVE)),
        new Column("Bằng khen của Thủ tướng Chính phủ — Cá nhân", award("BK_TTG", SubjectKind.INDIVIDUAL)),
        new Column("Danh hiệu “Chiến sĩ thi đua toàn quốc” — Cá nhân", award("CSTD_TQ", SubjectKind.INDIVIDUAL)),
        new Column("Các hình thức khen thưởng khác — Tập thể", other.and(subject(SubjectKind.COLLECTIVE))),
        new Column("Các hình thức khen thưởng khác — Cá nhân", other.and(subject(SubjectKind.INDIVIDUAL))));
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of("01", "Tổng số", "", a -> true));
    lines.add(Line.heading("1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng"));
    lines.add(Line.notHeld("02", "- Bộ, ban, ngành, đoàn thể Trung ương", "Bộ, ngành"));
    lines.add(Line.of("03", "- Tỉnh, thành phố trực thuộc Trung ương", "Tỉnh, TP", a -> true));
    lines.add(Line.heading("2. Chia theo đối tượng khen thưởng"));
    lines.addAll(subjectAndMethodLines(6));
    return new Form("0602.N/BNV-TĐKT", "Số lượng khen thưởng cấp Nhà nước",
        "Số lượt khen thưởng cấp Nhà nước trong năm theo sổ khen thưởng (tờ trình của tỉnh). Ô để trống: hệ thống"
            + " chưa có dữ liệu (doanh nghiệp, doanh nhân, cấp lãnh đạo, kháng chiến, các giải thưởng và danh hiệu"
            + " vinh dự không có trong danh mục) — Sở Nội vụ điền. Cá nhân là lãnh đạo, quản lý (chưa phân theo"
            + " cấp): " + leaders(awards, state) + ".",
        CIRCULAR_LAYOUT_SOURCE.formatted("0602.N/BNV-TĐKT"), header(columns), count(lines, columns, awards, state));
  }

  // ------------------------------------------------------------------ 0603.N: provincial awards

  private Form provincialAwards(List<AwardCount> awards, Map<String, AwardTypeRow> types) {
    java.util.function.Predicate<AwardCount> provincial = level(types, AwardLevel.PROVINCIAL);
    List<Column> columns = List.of(
        new Column("Bằng khen", award("BK_TINH")),
        new Column("Chiến sĩ thi đua cấp bộ, cấp tỉnh", award("CSTD_TINH")),
        new Column("Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
            award("CO_TINH")),
        new Column("Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc"
            + " Trung ương", null));
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of("01", "Tổng số", "", a -> true));
    lines.add(Line.heading("1. Chia theo đối tượng khen thưởng"));
    lines.addAll(subjectAndMethodLines(2));
    return new Form("0603.N/BNV-TĐKT",
        "Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh, thành phố trực thuộc Trung ương",
        "Số lượt khen thưởng của Chủ tịch UBND tỉnh trong năm theo sổ khen thưởng. \"Tập thể lao động xuất sắc\""
            + " không có cột riêng trong mẫu (cần xác nhận) và không được tính. Ô để trống: hệ thống chưa có dữ"
            + " liệu (doanh nghiệp, doanh nhân, cấp lãnh đạo, kháng chiến, huy hiệu) — Sở Nội vụ điền. Cá nhân là"
            + " lãnh đạo, quản lý (chưa phân theo cấp): " + leaders(awards, provincial) + ".",
        CIRCULAR_LAYOUT_SOURCE.formatted("0603.N/BNV-TĐKT"), header(columns),
        count(lines, columns, awards, provincial));
  }

  // ------------------------------------------------------------------ data

  /** Award register entries of the year, counted per award type, kind of award, subject kind and role. */
  record AwardCount(String awardType, String awardKind, String subjectKind, String role, long count) {}

  record AwardTypeRow(String code, String name, AwardLevel level) {}

  private List<AwardCount> awards(int year) {
    return jdbc.sql("SELECT award_type, award_kind, subject_kind, subject_role, COUNT(*) AS n FROM award_record"
            + " WHERE award_year = :year GROUP BY award_type, award_kind, subject_kind, subject_role")
        .param("year", year)
        .query((rs, i) -> new AwardCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getLong(5)))
        .list();
  }

  private Map<String, AwardTypeRow> awardTypes() {
    Map<String, AwardTypeRow> types = new LinkedHashMap<>();
    jdbc.sql("SELECT code, name, level FROM award_type ORDER BY sort_order, code")
        .query((rs, i) -> new AwardTypeRow(rs.getString(1), rs.getString(2), AwardLevel.valueOf(rs.getString(3))))
        .list().forEach(t -> types.put(t.code(), t));
    return types;
  }

  // ------------------------------------------------------------------ 0601.N: movements

  private Form movements(int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    // the province's thematic movements running in the year, by length (period_end is the last day)
    long[] byLength = new long[5];
    List<String> names = new ArrayList<>();
    jdbc.sql("SELECT name, period_start, period_end FROM movement WHERE period_start <= :last AND period_end >= :first"
            + " ORDER BY period_start, name")
        .param("first", first).param("last", last)
        .query(rs -> {
          names.add(rs.getString("name"));
          byLength[lengthLine(rs.getObject("period_start", LocalDate.class),
              rs.getObject("period_end", LocalDate.class))]++;
        });
    long all = names.size();
    List<Column> columns = List.of(
        new Column("Số phong trào thi đua chia theo cấp chủ trì phát động thi đua: Cấp Trung ương (Hội đồng Thi"
            + " đua - Khen thưởng Trung ương)", null),
        new Column("Số phong trào thi đua chia theo cấp chủ trì phát động thi đua: Cấp bộ, ban ngành đoàn thể trung"
            + " ương, tỉnh, thành phố trực thuộc Trung ương", a -> true),
        new Column("Số phong trào thi đua chia theo cấp chủ trì phát động thi đua: Cơ quan, tổ chức, đơn vị", null));
    List<List<Object>> rows = new ArrayList<>();
    rows.add(movementRow("Tổng số", "01", all));
    rows.add(movementHeading("1. Chia theo phạm vi tổ chức thi đua"));
    rows.add(movementNotHeld("- Toàn quốc", "02"));
    rows.add(movementRow("- Bộ, ban, ngành đoàn thể, địa phương", "03", all));
    rows.add(movementNotHeld("- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", "04"));
    rows.add(movementNotHeld("- Cơ quan, tổ chức, đơn vị", "05"));
    rows.add(movementHeading("2. Chia theo thời hạn thi đua"));
    String[] lengths = {"- Dưới 1 năm", "- 1 năm", "- Từ 1 năm đến dưới 3 năm", "- Từ 3 năm đến dưới 5 năm",
        "- Từ 5 năm trở lên"};
    for (int i = 0; i < lengths.length; i++) {
      rows.add(movementRow(lengths[i], code(6 + i), byLength[i]));
    }
    rows.add(movementHeading("3. Chia theo phương thức tổ chức phong trào thi đua"));
    rows.add(movementRow("- Thi đua theo chuyên đề", "11", all));
    rows.add(movementNotHeld("- Thi đua thường xuyên hàng năm", "12"));
    return new Form("0601.N/BNV-TĐKT", "Số phong trào thi đua",
        "Đơn vị tính: phong trào. Các phong trào thi đua theo chuyên đề do tỉnh phát động có thời gian thực hiện trong"
            + " năm" + (names.isEmpty() ? "" : ": " + String.join("; ", names)) + ". Ô để trống: hệ thống chưa có"
            + " dữ liệu (phong trào của Trung ương, của cụm, khối, của cơ quan, đơn vị; thi đua thường xuyên) — Sở"
            + " Nội vụ điền. Thời hạn tính từ ngày bắt đầu đến hết ngày kết thúc; \"1 năm\" là đúng 12 tháng (cách"
            + " chia này cần xác nhận).",
        CIRCULAR_LAYOUT_SOURCE.formatted("0601.N/BNV-TĐKT"), header(columns), rows);
  }

  /** 0: under a year, 1: a year, 2: over a year and under 3, 3: 3 to under 5, 4: 5 years or more. */
  static int lengthLine(LocalDate start, LocalDate end) {
    java.time.Period p = java.time.Period.between(start, end.plusDays(1));
    long months = p.toTotalMonths();
    boolean whole = p.getDays() == 0;
    if (months < 12) {
      return 0;
    }
    if (months == 12 && whole) {
      return 1;
    }
    if (months < 36) {
      return 2;
    }
    return months < 60 ? 3 : 4;
  }

  private static List<Object> movementRow(String label, String code, long provincial) {
    return new ArrayList<>(List.of(label, code, "Phong trào", provincial, NOT_HELD, provincial, NOT_HELD));
  }

  private static List<Object> movementHeading(String label) {
    return new ArrayList<>(List.of(label, "", "", NOT_HELD, NOT_HELD, NOT_HELD, NOT_HELD));
  }

  private static List<Object> movementNotHeld(String label, String code) {
    return new ArrayList<>(List.of(label, code, "Phong trào", NOT_HELD, NOT_HELD, NOT_HELD, NOT_HELD));
  }

  // ------------------------------------------------------------------ 0604.N: by subject and kind

  private Form bySubject(List<AwardCount> awards, Map<String, AwardTypeRow> types) {
    List<List<Object>> rows = new ArrayList<>();
    Map<String, long[]> byKind = new LinkedHashMap<>();
    for (AwardKind k : AwardKind.values()) {
      byKind.put(k.name(), new long[7]);
    }
    long[] total = new long[7];
    for (AwardCount a : awards) {
      AwardTypeRow type = types.get(a.awardType());
      if (type == null || type.level() == AwardLevel.UNIT) {
        continue;
      }
      long[] row = byKind.computeIfAbsent(a.awardKind(), k -> new long[7]);
      for (long[] target : List.of(row, total)) {
        target[0] += a.count();
        switch (SubjectKind.valueOf(a.subjectKind())) {
          case COLLECTIVE -> {
            target[1] += a.count();
            if (SubjectRole.SMALL_COLLECTIVE.name().equals(a.role())) {
              target[2] += a.count();
            }
          }
          case INDIVIDUAL -> {
            target[3] += a.count();
            if (SubjectRole.DIRECT_WORKER.name().equals(a.role())) {
              target[4] += a.count();
            } else if (a.role() == null) {
              target[5] += a.count();
            }
          }
          case HOUSEHOLD -> target[6] += a.count();
        }
      }
    }
    byKind.forEach((kind, row) -> rows.add(row(kindLabel(kind), row)));
    rows.add(row("Tổng cộng", total));
    rows.add(List.of("Tỷ lệ người trực tiếp lao động, công tác trong số cá nhân được khen thưởng",
        percent(total[4], total[3]), "", "", "", "", "", ""));
    rows.add(List.of("Tỷ lệ tập thể nhỏ trong số tập thể được khen thưởng", percent(total[2], total[1]), "", "", "",
        "", "", ""));
    return new Form("0604.N/BNV-TĐKT", "Khen thưởng theo loại hình và đối tượng",
        "Số lượt được khen thưởng cấp tỉnh và cấp Nhà nước trong năm theo loại hình khen thưởng (Luật Thi đua, khen"
            + " thưởng 2022, Điều 8) và đối tượng; tỷ lệ người trực tiếp lao động và tập thể nhỏ (ưu tiên của kế"
            + " hoạch). Cá nhân chưa ghi vai trò được đếm ở cột \"" + UNCLASSIFIED + "\".",
        OWN_LAYOUT.formatted("0604.N/BNV-TĐKT", "số tổ chức làm công tác thi đua, khen thưởng"),
        List.of("Loại hình khen thưởng", "Tổng số", "Tập thể", "trong đó: tập thể nhỏ", "Cá nhân",
            "trong đó: trực tiếp lao động, công tác", "Cá nhân " + UNCLASSIFIED.toLowerCase(), "Hộ gia đình"), rows);
  }

  private static List<Object> row(String label, long[] values) {
    List<Object> cells = new ArrayList<>();
    cells.add(label);
    for (long v : values) {
      cells.add(v);
    }
    return cells;
  }

  private static String kindLabel(String kind) {
    try {
      return AwardKind.valueOf(kind).label();
    } catch (IllegalArgumentException e) {
      return kind;
    }
  }

  /** "37,5%" (one decimal, Vietnamese decimal comma), or "—" when there is nothing to divide by. */
  static String percent(long part, long whole) {
    if (whole == 0) {
      return "—";
    }
    return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole).replace('.', ',');
  }

  // ------------------------------------------------------------------ 0605.N: reward money

  private Form rewardMoney(int year, Map<String, AwardTypeRow> types) {
    record Group(String awardType, String subjectKind, LocalDate decided, long count) {}
    List<Group> groups = jdbc.sql("SELECT award_type, subject_kind, decision_date, COUNT(*) FROM award_record"
            + " WHERE award_year = :year GROUP BY award_type, subject_kind, decision_date")
        .param("year", year)
        .query((rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getLong(4)))
        .list();
    Map<String, long[]> byType = new LinkedHashMap<>(); // count, amount in đồng, count without a known amount
    Map<String, List<AwardReward>> rewards = new HashMap<>();
    for (Group g : groups) {
      AwardTypeRow type = types.get(g.awardType());
      if (type == null || type.level() == AwardLevel.UNIT) {
        continue;
      }
      long[] row = byType.computeIfAbsent(g.awardType() + "|" + g.subjectKind(), k -> new long[3]);
      row[0] += g.count();
      Optional<Long> each = amount(rewards.computeIfAbsent(g.awardType(), catalog::rewards), g.subjectKind(),
          g.decided());
      if (each.isPresent()) {
        row[1] += each.get() * g.count();
      } else {
        row[2] += g.count();
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    long count = 0;
    long money = 0;
    long unknown = 0;
    for (AwardTypeRow type : types.values()) {
      for (SubjectKind kind : SubjectKind.values()) {
        long[] row = byType.get(type.code() + "|" + kind.name());
        if (row == null) {
          continue;
        }
        rows.add(List.of(type.name() + " (" + type.code() + ")", kind.label(), row[0], row[1], row[2]));
        count += row[0];
        money += row[1];
        unknown += row[2];
      }
    }
    rows.add(List.of("Tổng cộng", "", count, money, unknown));
    return new Form("0605.N/BNV-TĐKT", "Tiền thưởng",
        "Tiền thưởng theo quy định của các lượt được khen thưởng cấp tỉnh và cấp Nhà nước trong năm: hệ số của hình thức"
            + " khen thưởng (theo loại đối tượng) nhân mức lương cơ sở, cả hai đang có hiệu lực vào ngày quyết định"
            + " (tdkt.base-salary), làm tròn theo quy tắc đang có hiệu lực ngày đó (tdkt.reward.rounding), từng lượt"
            + " như số ghi trong quyết định. Đây là số tiền phải chi theo quy định, không phải sổ chi tiền thực tế.",
        OWN_LAYOUT.formatted("0605.N/BNV-TĐKT", "số người làm công tác thi đua, khen thưởng"),
        List.of("Hình thức khen thưởng", "Đối tượng", "Số lượt", "Tiền thưởng (đồng)",
            "Số lượt chưa xác định được tiền thưởng"), rows);
  }

  /**
   * Coefficient in force on the decision date × base salary in force then, rounded per the rule in force then
   * (award.RewardMoney, the same amount as the catalogue and the decision), if both are known.
   */
  private Optional<Long> amount(List<AwardReward> rewards, String subjectKind, LocalDate decided) {
    if (decided == null) {
      return Optional.empty();
    }
    return rewardMoney.amount(rewards, subjectKind, decided).map(RewardMoney.Amount::amount);
  }
}
