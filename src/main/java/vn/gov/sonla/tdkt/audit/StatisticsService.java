package vn.gov.sonla.tdkt.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.AwardReward;
import vn.gov.sonla.tdkt.award.BaseSalaryProperties;
import vn.gov.sonla.tdkt.dossier.AwardKind;
import vn.gov.sonla.tdkt.dossier.SubjectKind;
import vn.gov.sonla.tdkt.dossier.SubjectRole;

/**
 * The yearly statistics the province reports upward on commendation work, in the shape of the report forms of
 * Circular 02/2023/TT-BNV (biểu 0601.N–0605.N/BNV-TĐKT), as far as the project's data covers them: movements
 * launched, proposals and awards by form and level, collectives and individuals, leaders and direct workers, and
 * the reward money due. Awards are the award register's entries of the year (the pipeline's decisions and the
 * imported ones); proposals are the dossiers of the year that were submitted. Unit-level titles (Lao động tiên
 * tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến) are decided and paid by the units and are left out.
 */
@Service
public class StatisticsService {

  /** One form: its code, title, what it covers, its header and rows (counts are numbers). */
  public record Form(String code, String title, String note, List<String> header, List<List<Object>> rows) {

    ReportExport.Table table() {
      return new ReportExport.Table(code + " " + title, header, rows);
    }
  }

  public record Statistics(int year, String basis, List<Form> forms) {}

  static final String BASIS = "Thông tư 02/2023/TT-BNV, biểu 0601.N–0605.N/BNV-TĐKT (theo dữ liệu của hệ thống)";
  static final String UNCLASSIFIED = "Chưa phân loại";

  private final JdbcClient jdbc;
  private final AwardCatalog catalog;
  private final BaseSalaryProperties baseSalary;

  public StatisticsService(JdbcClient jdbc, AwardCatalog catalog, BaseSalaryProperties baseSalary) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.baseSalary = baseSalary;
  }

  public Statistics of(int year) {
    List<AwardCount> awards = awards(year);
    Map<String, Long> proposals = proposals(year);
    Map<String, AwardTypeRow> types = awardTypes();
    return new Statistics(year, BASIS, List.of(movements(year), byForm("0602.N/BNV-TĐKT",
            "Khen thưởng cấp Nhà nước", AwardLevel.STATE, awards, proposals, types),
        byForm("0603.N/BNV-TĐKT", "Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh", AwardLevel.PROVINCIAL, awards,
            proposals, types),
        bySubject(awards, types), rewardMoney(year, types)));
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

  /** Submitted dossiers of the year per award type. */
  private Map<String, Long> proposals(int year) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("SELECT award_type, COUNT(*) FROM dossier WHERE award_year = :year AND submitted_at IS NOT NULL"
            + " GROUP BY award_type")
        .param("year", year)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
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
    List<List<Object>> rows = new ArrayList<>();
    long[] totals = new long[3];
    jdbc.sql("SELECT m.name, m.launching_document, m.period_start, m.period_end,"
            + " (SELECT COALESCE(SUM(a.planned_count), 0) FROM movement_award a WHERE a.movement_id = m.id) AS planned,"
            + " (SELECT COUNT(*) FROM dossier d WHERE d.movement_id = m.id AND d.submitted_at IS NOT NULL) AS proposed,"
            + " (SELECT COUNT(*) FROM award_record r JOIN dossier d ON d.code = r.dossier_code"
            + "   WHERE d.movement_id = m.id) AS awarded"
            + " FROM movement m WHERE m.period_start <= :last AND m.period_end >= :first ORDER BY m.period_start, m.name")
        .param("first", first).param("last", last)
        .query(rs -> {
          long planned = rs.getLong("planned");
          long proposed = rs.getLong("proposed");
          long awarded = rs.getLong("awarded");
          rows.add(List.of(rs.getString("name"), rs.getString("launching_document"),
              date(rs.getObject("period_start", LocalDate.class)) + " – " + date(rs.getObject("period_end",
                  LocalDate.class)), planned, proposed, awarded));
          totals[0] += planned;
          totals[1] += proposed;
          totals[2] += awarded;
        });
    rows.add(List.of("Tổng số: " + rows.size() + " phong trào", "", "", totals[0], totals[1], totals[2]));
    return new Form("0601.N/BNV-TĐKT", "Phong trào thi đua",
        "Các phong trào thi đua theo chuyên đề do tỉnh phát động có thời gian thực hiện trong năm; số khen thưởng dự kiến,"
            + " số hồ sơ đề nghị và số được khen thưởng theo phong trào.",
        List.of("Phong trào", "Văn bản phát động", "Thời gian thực hiện", "Số khen thưởng dự kiến", "Số hồ sơ đề nghị",
            "Số được khen thưởng"), rows);
  }

  // ------------------------------------------------------------------ 0602.N, 0603.N: by form and level

  private Form byForm(String code, String title, AwardLevel level, List<AwardCount> awards,
      Map<String, Long> proposals, Map<String, AwardTypeRow> types) {
    List<List<Object>> rows = new ArrayList<>();
    long[] total = new long[8];
    for (AwardTypeRow type : types.values()) {
      if (type.level() != level) {
        continue;
      }
      long[] row = new long[8];
      row[0] = proposals.getOrDefault(type.code(), 0L);
      for (AwardCount a : awards) {
        if (!a.awardType().equals(type.code())) {
          continue;
        }
        row[1] += a.count();
        switch (SubjectKind.valueOf(a.subjectKind())) {
          case COLLECTIVE -> {
            row[2] += a.count();
            if (SubjectRole.SMALL_COLLECTIVE.name().equals(a.role())) {
              row[3] += a.count();
            }
          }
          case INDIVIDUAL -> {
            row[4] += a.count();
            if (SubjectRole.LEADER.name().equals(a.role())) {
              row[5] += a.count();
            } else if (SubjectRole.DIRECT_WORKER.name().equals(a.role())) {
              row[6] += a.count();
            }
          }
          case HOUSEHOLD -> row[7] += a.count();
        }
      }
      List<Object> cells = new ArrayList<>();
      cells.add(type.name() + " (" + type.code() + ")");
      for (int i = 0; i < row.length; i++) {
        cells.add(row[i]);
        total[i] += row[i];
      }
      rows.add(cells);
    }
    List<Object> totalRow = new ArrayList<>();
    totalRow.add("Tổng cộng");
    for (long t : total) {
      totalRow.add(t);
    }
    rows.add(totalRow);
    return new Form(code, title, "Số hồ sơ đề nghị (đã nộp) và số lượt được khen thưởng trong năm theo hình thức, chia"
        + " theo tập thể, cá nhân, hộ gia đình; cá nhân chia theo cán bộ lãnh đạo, quản lý và người trực tiếp lao động"
        + " (theo vai trò ghi trong sổ khen thưởng).",
        List.of("Hình thức khen thưởng", "Số hồ sơ đề nghị", "Số được khen thưởng", "Tập thể", "trong đó: tập thể nhỏ",
            "Cá nhân", "trong đó: lãnh đạo, quản lý", "trong đó: trực tiếp lao động, công tác", "Hộ gia đình"), rows);
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
            + " (tdkt.base-salary). Đây là số tiền phải chi theo quy định, không phải sổ chi tiền thực tế.",
        List.of("Hình thức khen thưởng", "Đối tượng", "Số lượt", "Tiền thưởng (đồng)",
            "Số lượt chưa xác định được tiền thưởng"), rows);
  }

  /** Coefficient in force on the decision date × base salary in force then, if both are known. */
  private Optional<Long> amount(List<AwardReward> rewards, String subjectKind, LocalDate decided) {
    BigDecimal coefficient = AwardReward.inForce(rewards, decided).map(r -> r.coefficient(subjectKind)).orElse(null);
    if (coefficient == null) {
      return Optional.empty();
    }
    return baseSalary.on(decided).map(salary -> BaseSalaryProperties.amount(coefficient, salary.amount()));
  }

  private static String date(LocalDate d) {
    return d == null ? "" : String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }
}
