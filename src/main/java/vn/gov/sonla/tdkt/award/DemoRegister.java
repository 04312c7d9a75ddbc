package vn.gov.sonla.tdkt.award;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only ({@code tdkt.demo-register}): a few register entries for the demo units' people, so that the
 * appraisal form shows a history. Idempotent (entries already present are not added again).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tdkt.demo-register", havingValue = "true")
public class DemoRegister implements ApplicationRunner {

  private final Subjects subjects;
  private final AwardRegister register;

  public DemoRegister(Subjects subjects, AwardRegister register) {
    this.subjects = subjects;
    this.register = register;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    // eligible for Chiến sĩ thi đua cấp tỉnh 2025: three CSTĐ cơ sở in a row and a provincial initiative
    Subject mai = person("Lò Thị Mai", LocalDate.of(1990, 5, 14), "sgddt", "Giáo viên", "Trường THPT Chiềng Sinh");
    for (int y = 2023; y <= 2025; y++) {
      title(mai, "CSTD_CS", y, y + "/QĐ-SGDĐT", "Giám đốc Sở Giáo dục và Đào tạo");
      rate(mai, y, Rating.EXCELLENT);
    }
    if (register.initiatives(mai.id()).isEmpty()) {
      register.addInitiative(mai.id(), 2024, "Dạy học theo dự án môn Sinh học gắn với nông nghiệp địa phương",
          InitiativeScope.PROVINCIAL, "Hội đồng sáng kiến tỉnh Sơn La", "15/QĐ-HĐSK", "system");
    }
    // a Bằng khen cấp tỉnh in 2019, good years since, two CSTĐ cơ sở: one short of Bằng khen Thủ tướng
    Subject hung = person("Nguyễn Văn Hùng", LocalDate.of(1978, 3, 3), "syt", "Bác sĩ", "Bệnh viện Đa khoa tỉnh");
    title(hung, "BK_TINH", 2019, "1520/QĐ-UBND", "Chủ tịch UBND tỉnh");
    for (int y = 2020; y <= 2025; y++) {
      rate(hung, y, Rating.GOOD);
    }
    title(hung, "CSTD_CS", 2022, "88/QĐ-SYT", "Giám đốc Sở Y tế");
    title(hung, "CSTD_CS", 2025, "91/QĐ-SYT", "Giám đốc Sở Y tế");
    // a sudden certificate of merit, which does not count toward higher awards
    Subject thang = person("Lò Văn Thắng", LocalDate.of(1992, 11, 20), "ptohieu", "Công an viên", "UBND phường Tô Hiệu");
    register("BK_TINH", "SUDDEN", thang, 2024, "2210/QĐ-UBND", "Chủ tịch UBND tỉnh");
    rate(thang, 2024, Rating.EXCELLENT);
    rate(thang, 2025, Rating.EXCELLENT);
  }

  private Subject person(String name, LocalDate birth, String unit, String position, String workUnit) {
    return subjects.resolve(new SubjectDraft(SubjectKind.INDIVIDUAL, name, birth, unit, workUnit, position,
        "DIRECT_WORKER", null));
  }

  private void title(Subject s, String type, int year, String number, String by) {
    register(type, "ANNUAL", s, year, number, by);
  }

  private void register(String type, String kind, Subject s, int year, String number, String by) {
    if (!register.exists(s.id(), type, year, number)) {
      register.record(new AwardRecord(UUID.randomUUID().toString(), s.kind(), s.name(), s.birthDate(), s.workUnit(),
          new SubjectDraft(SubjectKind.valueOf(s.kind()), s.name(), s.birthDate(), s.unitCode(), null, null, null, null)
              .identityKey(), type, kind, year, number, LocalDate.of(year, 12, 20), by, "IMPORT", null, s.id(), s.role()),
          null, "system");
    }
  }

  private void rate(Subject s, int year, Rating rating) {
    if (register.rating(s.id(), year).isEmpty()) {
      register.rate(s.id(), year, rating, "UNIT", null, "system");
    }
  }
}
