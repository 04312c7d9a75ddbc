package vn.gov.sonla.tdkt.award;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.award.SubjectRole;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * What a unit records for one of its people or collectives ({@code POST /api/unit-records}): a unit-level title
 * (CSTD_CS, LDTT, TTLDTT), the year's task-completion rating and/or a recognised initiative; Home Affairs may record
 * for any unit. Split from the controller along its seams: the request's checks (the unit and who may record for it,
 * the subject, the title, the rating, the initiative; every bad field in one 400), then the subject resolved and the
 * records stored, in one transaction.
 */
@Service
public class UnitRecords {

  /** The subject recorded for and what was recorded ({@code title}, {@code rating}, {@code initiative}). */
  public record Recorded(Subject subject, Map<String, Object> added) {}

  /** A request that passed the checks, its values parsed. */
  private record Checked(String unit, SubjectKind kind, SubjectRole role, AwardType title, Rating rating,
      InitiativeScope scope) {}

  private final Subjects subjects;
  private final AwardRegister register;
  private final AwardCatalog catalog;
  private final CitizenIds citizenIds;
  private final Clock clock;

  public UnitRecords(Subjects subjects, AwardRegister register, AwardCatalog catalog, CitizenIds citizenIds,
      Clock clock) {
    this.subjects = subjects;
    this.register = register;
    this.catalog = catalog;
    this.citizenIds = citizenIds;
    this.clock = clock;
  }

  /** Checks the request (403 for another unit, 400 with every bad field), then records it; nothing when refused. */
  @Transactional
  public Recorded record(RegisterController.UnitRecordRequest r, CurrentUser user) {
    Checked c = check(r, user);
    SubjectDraft draft = draft(r, c);
    Subject subject = subjects.resolve(draft);
    return new Recorded(subject, store(r, c, draft, subject, user));
  }

  private Checked check(RegisterController.UnitRecordRequest r, CurrentUser user) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    String unit = r.unitCode() == null || r.unitCode().isBlank() ? null : r.unitCode().strip().toLowerCase();
    if (unit == null && user.unitCodes().size() == 1) {
      unit = user.unitCodes().get(0);
    }
    if (unit == null) {
      problems.add(new FieldProblem("unitCode", "Chọn đơn vị."));
    } else if (!user.isOfficerOf(unit) && !user.groups().contains(Groups.HOME_AFFAIRS)) {
      throw new ForbiddenException("Chỉ cán bộ của đơn vị " + unit + " (hoặc Sở Nội vụ) được ghi nhận cho đơn vị này.");
    }
    SubjectKind kind = AwardTypeController.parse(SubjectKind.class, r.subjectKind()).orElse(null);
    if (kind == null || kind == SubjectKind.HOUSEHOLD) {
      problems.add(new FieldProblem("subjectKind", "Chọn cá nhân hoặc tập thể."));
    }
    if (r.name() == null || r.name().isBlank() || r.name().strip().length() > 200) {
      problems.add(new FieldProblem("name", "Nhập họ và tên (tên tập thể), tối đa 200 ký tự."));
    }
    if (kind == SubjectKind.INDIVIDUAL && r.birthDate() == null) {
      problems.add(new FieldProblem("birthDate", "Cá nhân phải có ngày sinh."));
    } else if (SubjectKey.birthDateProblem(r.birthDate(), today) != null) {
      problems.add(new FieldProblem("birthDate",
          SubjectKey.birthDateProblem(r.birthDate(), today)));
    }
    if (r.citizenId() != null && !r.citizenId().isBlank() && (!CitizenIds.valid(r.citizenId()) || kind != SubjectKind.INDIVIDUAL)) {
      problems.add(new FieldProblem("citizenId", "Số định danh cá nhân gồm 12 chữ số (chỉ cho cá nhân)."));
    }
    SubjectRole role = r.role() == null || r.role().isBlank() ? null
        : AwardTypeController.parse(SubjectRole.class, r.role()).orElse(null);
    if (r.role() != null && !r.role().isBlank() && (role == null || (kind != null && role.kind() != kind))) {
      problems.add(new FieldProblem("role", "Vai trò không hợp lệ cho loại đối tượng."));
    }
    int thisYear = today.getYear();
    if (r.year() == null || r.year() < 1945 || r.year() > thisYear) {
      problems.add(new FieldProblem("year", "Năm từ 1945 đến " + thisYear + "."));
    }
    AwardType title = checkTitle(r, kind, today, problems);
    Rating rating = null;
    if (r.rating() != null && !r.rating().isBlank()) {
      rating = AwardTypeController.parse(Rating.class, r.rating()).orElse(null);
      if (rating == null) {
        problems.add(new FieldProblem("rating", "Xếp loại: EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED."));
      }
    }
    InitiativeScope scope = checkInitiative(r, problems);
    if (r.title() == null && r.rating() == null && r.initiative() == null) {
      problems.add(new FieldProblem("title", "Ghi nhận ít nhất một danh hiệu, một xếp loại hoặc một sáng kiến."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Ghi nhận chưa hợp lệ: kiểm tra các trường được nêu.", problems);
    }
    return new Checked(unit, kind, role, title, rating, scope);
  }

  /** A unit-level title with its recognition decision (number, date not before the year nor in the future). */
  private AwardType checkTitle(RegisterController.UnitRecordRequest r, SubjectKind kind, LocalDate today,
      List<FieldProblem> problems) {
    AwardType title = null;
    if (r.title() != null && !r.title().isBlank()) {
      title = catalog.find(r.title()).orElse(null);
      if (title == null || title.level() != AwardLevel.UNIT) {
        problems.add(new FieldProblem("title", "Đơn vị chỉ ghi nhận danh hiệu cấp cơ sở: CSTD_CS, LDTT, TTLDTT."));
        title = null;
      } else if (kind != null && !title.allowsSubject(kind.name())) {
        problems.add(new FieldProblem("title", title.name() + " không xét cho " + kind.label().toLowerCase() + "."));
      }
      if (r.decisionNumber() == null || r.decisionNumber().isBlank() || r.decisionNumber().length() > 40) {
        problems.add(new FieldProblem("decisionNumber", "Nhập số quyết định công nhận danh hiệu (tối đa 40 ký tự)."));
      }
      if (r.decisionDate() == null || r.decisionDate().isAfter(today)
          || (r.year() != null && r.decisionDate().getYear() < r.year())) {
        problems.add(new FieldProblem("decisionDate", "Ngày quyết định không hợp lệ (không trước năm được công nhận,"
            + " không ở tương lai)."));
      }
    }
    return title;
  }

  /** A recognised initiative: its title, scope and who recognised it. */
  private static InitiativeScope checkInitiative(RegisterController.UnitRecordRequest r,
      List<FieldProblem> problems) {
    InitiativeScope scope = null;
    if (r.initiative() != null) {
      scope = AwardTypeController.parse(InitiativeScope.class, r.initiative().scope()).orElse(null);
      if (r.initiative().title() == null || r.initiative().title().isBlank() || r.initiative().title().length() > 500) {
        problems.add(new FieldProblem("initiative.title", "Nhập tên sáng kiến, đề tài (tối đa 500 ký tự)."));
      }
      if (scope == null) {
        problems.add(new FieldProblem("initiative.scope", "Phạm vi ảnh hưởng: UNIT, PROVINCIAL, NATIONAL."));
      }
      if (r.initiative().recognisedBy() == null || r.initiative().recognisedBy().isBlank()) {
        problems.add(new FieldProblem("initiative.recognisedBy", "Nhập cơ quan, hội đồng công nhận sáng kiến."));
      }
    }
    return scope;
  }

  private SubjectDraft draft(RegisterController.UnitRecordRequest r, Checked c) {
    SubjectKind kind = c.kind();
    SubjectRole role = c.role();
    String unit = c.unit();
    return new SubjectDraft(kind, r.name().strip(),
        kind == SubjectKind.INDIVIDUAL ? r.birthDate() : null, unit, blankToNull(r.workUnit()),
        blankToNull(r.position()), role == null ? null : role.name(),
        r.citizenId() == null || r.citizenId().isBlank() ? null : citizenIds.hash(r.citizenId()));
  }

  private Map<String, Object> store(RegisterController.UnitRecordRequest r, Checked c, SubjectDraft draft,
      Subject subject, CurrentUser user) {
    SubjectKind kind = c.kind();
    SubjectRole role = c.role();
    AwardType title = c.title();
    Rating rating = c.rating();
    InitiativeScope scope = c.scope();
    String unit = c.unit();
    Map<String, Object> added = new LinkedHashMap<>();
    if (title != null) {
      boolean exists = register.exists(subject.id(), title.code(), r.year(), r.decisionNumber().strip());
      if (!exists) {
        register.record(new AwardRecord(UUID.randomUUID().toString(), kind.name(), subject.name(), subject.birthDate(),
            subject.workUnit() == null ? unit : subject.workUnit(), draft.identityKey(), title.code(), "ANNUAL", r.year(),
            r.decisionNumber().strip(), r.decisionDate(), title.decider(), "UNIT", null, subject.id(),
            role == null ? subject.role() : role.name()), null, user.id());
      }
      added.put("title", exists ? "ALREADY_PRESENT" : title.code());
    }
    if (rating != null) {
      register.rate(subject.id(), r.year(), rating, "UNIT", null, user.id());
      added.put("rating", rating);
    }
    if (r.initiative() != null) {
      added.put("initiative", register.addInitiative(subject.id(), r.year(), r.initiative().title().strip(), scope,
          r.initiative().recognisedBy().strip(), blankToNull(r.initiative().documentNumber()), user.id()));
    }
    return added;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
