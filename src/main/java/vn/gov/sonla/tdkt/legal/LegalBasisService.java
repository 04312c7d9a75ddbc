package vn.gov.sonla.tdkt.legal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.springframework.stereotype.Service;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardReward;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.award.BaseSalaryProperties;
import vn.gov.sonla.tdkt.award.RewardRoundingProperties;
import vn.gov.sonla.tdkt.calendar.CalendarDay;
import vn.gov.sonla.tdkt.calendar.CalendarDays;
import vn.gov.sonla.tdkt.calendar.DeadlineProperties;

/**
 * The register of legal values: base salaries, rounding, reward coefficients, the catalogue's legal bases,
 * holidays, deadlines and every row of the deployed decision tables (latest versions), each with its dates and
 * source. Read-only: the values are changed where they live (settings, catalogue, calendar, DMN deployment).
 */
@Service
public class LegalBasisService {

  private final BaseSalaryProperties baseSalary;
  private final RewardRoundingProperties rounding;
  private final AwardCatalog catalog;
  private final CalendarDays calendar;
  private final DeadlineProperties deadlines;
  private final RepositoryService repository;

  public LegalBasisService(BaseSalaryProperties baseSalary, RewardRoundingProperties rounding, AwardCatalog catalog,
      CalendarDays calendar, DeadlineProperties deadlines, RepositoryService repository) {
    this.baseSalary = baseSalary;
    this.rounding = rounding;
    this.catalog = catalog;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.repository = repository;
  }

  public List<LegalValue> all() {
    List<LegalValue> rows = new ArrayList<>();
    rows.addAll(values(baseSalary, rounding));
    rows.addAll(catalogue(catalog));
    rows.addAll(holidays(calendar.all()));
    rows.addAll(deadlines(deadlines));
    rows.addAll(decisionTables());
    return rows;
  }

  static List<LegalValue> values(BaseSalaryProperties baseSalary, RewardRoundingProperties rounding) {
    List<LegalValue> rows = new ArrayList<>();
    List<BaseSalaryProperties.Entry> salaries = baseSalary.baseSalary();
    for (int i = 0; i < salaries.size(); i++) {
      BaseSalaryProperties.Entry e = salaries.get(i);
      LocalDate to = i + 1 < salaries.size() ? salaries.get(i + 1).from().minusDays(1) : null;
      rows.add(new LegalValue("BASE_SALARY", "tdkt.base-salary[" + i + "]", "Mức lương cơ sở",
          String.format("%,d đồng/tháng", e.amount()).replace(',', '.'), e.from(), to, e.basis(),
          LegalValue.Reading.of(e.basis())));
    }
    List<RewardRoundingProperties.Rule> rules = rounding.rounding();
    for (int i = 0; i < rules.size(); i++) {
      RewardRoundingProperties.Rule r = rules.get(i);
      LocalDate to = i + 1 < rules.size() ? rules.get(i + 1).from().minusDays(1) : null;
      rows.add(new LegalValue("ROUNDING", "tdkt.reward.rounding[" + i + "]", "Làm tròn tiền thưởng",
          "làm tròn lên bội số " + String.format("%,d", r.step()).replace(',', '.') + " đồng", r.from(), to,
          r.basis(), LegalValue.Reading.of(r.basis())));
    }
    return rows;
  }

  static List<LegalValue> catalogue(AwardCatalog catalog) {
    List<LegalValue> rows = new ArrayList<>();
    for (AwardType t : catalog.all()) {
      rows.add(new LegalValue("AWARD_TYPE", t.code(), t.name(), "Cấp quyết định: " + t.decider(), null, null,
          t.legalBasis(), LegalValue.Reading.of(t.legalBasis())));
      catalog.consultationBasis(t.code()).ifPresent(basis -> rows.add(new LegalValue("CONSULTATION",
          t.code() + "/consultation", "Lấy ý kiến trước khi Hội đồng xét: " + t.name(),
          "Đăng tải lấy ý kiến trước khi Hội đồng Thi đua - Khen thưởng tỉnh xét", null, null, basis,
          LegalValue.Reading.of(basis))));
      List<AwardReward> rewards = catalog.rewards(t.code());
      for (int i = 0; i < rewards.size(); i++) {
        AwardReward r = rewards.get(i);
        LocalDate to = i + 1 < rewards.size() ? rewards.get(i + 1).validFrom().minusDays(1) : null;
        rows.add(new LegalValue("REWARD", t.code() + "@" + r.validFrom(), "Tiền thưởng: " + t.name(),
            coefficients(r), r.validFrom(), to, r.legalBasis(), LegalValue.Reading.of(r.legalBasis())));
      }
    }
    return rows;
  }

  private static String coefficients(AwardReward r) {
    List<String> parts = new ArrayList<>();
    if (r.individual() != null) {
      parts.add("cá nhân " + r.individual().toPlainString().replace('.', ','));
    }
    if (r.collective() != null) {
      parts.add("tập thể " + r.collective().toPlainString().replace('.', ','));
    }
    if (r.household() != null) {
      parts.add("hộ gia đình " + r.household().toPlainString().replace('.', ','));
    }
    return String.join("; ", parts) + " lần mức lương cơ sở";
  }

  static List<LegalValue> holidays(List<CalendarDay> days) {
    return days.stream().map(d -> new LegalValue("CALENDAR", d.day().toString(), d.kind().label(), d.name(),
        d.day(), d.day(), d.source(), d.confirmed() ? LegalValue.Reading.of(d.source()) : LegalValue.Reading.TO_CONFIRM))
        .toList();
  }

  /** What a secondary source says of the consultation's article (issue 16, item 6): not yet read in the original. */
  static final String CONSULTATION_NOTE = "một thông báo lấy ý kiến của Bộ Nội vụ năm 2025 (nguồn thứ cấp) viện dẫn"
      + " khoản 1 Điều 46 Nghị định 98/2023/NĐ-CP và khoản 3 Điều 60 Nghị định 152/2025/NĐ-CP";

  static List<LegalValue> deadlines(DeadlineProperties d) {
    String source = "Thủ tục hành chính cấp tỉnh đã công bố (mặc định của dự án; cần xác nhận theo quyết định công bố"
        + " thủ tục của UBND tỉnh Sơn La)";
    return List.of(
        new LegalValue("DEADLINE", "tdkt.deadlines.appraisal-working-days", "Thời hạn thẩm định",
            d.appraisalWorkingDays() + " ngày làm việc", null, null, source, LegalValue.Reading.TO_CONFIRM),
        new LegalValue("DEADLINE", "tdkt.deadlines.supplement-working-days", "Thời hạn bổ sung hồ sơ",
            d.supplementWorkingDays() + " ngày làm việc", null, null, source, LegalValue.Reading.TO_CONFIRM),
        new LegalValue("DEADLINE", "tdkt.deadlines.public-notice-working-days", "Thời gian công khai lấy ý kiến",
            d.publicNoticeWorkingDays() + " ngày làm việc", null, null, source, LegalValue.Reading.TO_CONFIRM),
        new LegalValue("DEADLINE", "tdkt.deadlines.consultation-working-days",
            "Thời gian lấy ý kiến trước khi Hội đồng xét (huân chương, danh hiệu vinh dự Nhà nước)",
            d.consultationWorkingDays() + " ngày làm việc", null, null,
            "Nghị định 98/2023/NĐ-CP, Điều 46 khoản 2 (theo bản tóm tắt; " + CONSULTATION_NOTE
                + " — cần xác nhận điều khoản hiện hành)", LegalValue.Reading.TO_CONFIRM));
  }

  private List<LegalValue> decisionTables() {
    List<LegalValue> rows = new ArrayList<>();
    for (DecisionRequirementsDefinition drd : repository.createDecisionRequirementsDefinitionQuery()
        .latestVersion().list()) {
      try (InputStream in = repository.getResourceAsStream(drd.getDeploymentId(), drd.getResourceName())) {
        rows.addAll(DecisionTableRows.read(in, null));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Cannot read " + drd.getResourceName(), e);
      }
    }
    return rows;
  }
}
