package vn.gov.sonla.tdkt.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.award.DeclaredFacts;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.award.RequiredDocuments;
import vn.gov.sonla.tdkt.award.SubjectKey;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.award.SubjectRole;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.FieldProblems;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/** Checks a dossier's fields and documents; messages are for the unit officer, in Vietnamese. */
@Component
public class DossierValidator {

  private final AwardCatalog catalog;
  private final RequiredDocuments requiredDocuments;
  private final List<DossierCheck> checks;
  private final Clock clock;
  /** The declared field rules of {@link DossierRequest}, "today" read from the application's clock. */
  private final jakarta.validation.Validator declaredRules;

  public DossierValidator(AwardCatalog catalog, RequiredDocuments requiredDocuments, List<DossierCheck> checks,
      Clock clock) {
    this.catalog = catalog;
    this.requiredDocuments = requiredDocuments;
    this.checks = checks;
    this.clock = clock;
    this.declaredRules = FieldProblems.validator(clock);
  }

  /**
   * Checks what a draft needs: the year (part of the dossier's code) and the subject's name; every other field
   * (award, kind, individual or collective, …) may wait until submission, and is checked for form if present.
   */
  public List<FieldProblem> checkDraft(DossierRequest r) {
    List<FieldProblem> problems = checkFields(r, false);
    checks.forEach(check -> problems.addAll(check.check(r, false)));
    return problems;
  }

  /** Checks everything a submission needs, including the documents the award requires. */
  public List<FieldProblem> checkSubmission(DossierRequest r, Set<DocumentType> documentsPresent) {
    List<FieldProblem> problems = checkFields(r, true);
    checks.forEach(check -> problems.addAll(check.check(r, true)));
    Optional<AwardKind> kind = parse(AwardKind.class, r.awardKind());
    if (kind.isPresent() && r.awardType() != null && catalog.find(r.awardType()).isPresent()) {
      for (DocumentType required : requiredDocuments.forDossier(r.awardType(), kind.get())) {
        if (!documentsPresent.contains(required)) {
          problems.add(new FieldProblem("documents." + required.name(), "Thiếu tài liệu bắt buộc: " + required.label() + "."));
        }
      }
    }
    return problems;
  }

  /** What a submission misses, by the names the form gives them. */
  private static final java.util.Map<String, String> REQUIRED_LABELS = java.util.Map.ofEntries(
      java.util.Map.entry("awardType", "hình thức khen thưởng"),
      java.util.Map.entry("awardKind", "loại hình khen thưởng"),
      java.util.Map.entry("year", "năm đề nghị"),
      java.util.Map.entry("subjectKind", "đối tượng là cá nhân hay tập thể"),
      java.util.Map.entry("subjectRole", "vai trò của đối tượng"),
      java.util.Map.entry("subjectName", "tên cá nhân hoặc tập thể"),
      java.util.Map.entry("birthDate", "ngày sinh"),
      java.util.Map.entry("position", "chức vụ"),
      java.util.Map.entry("workUnit", "đơn vị công tác"),
      java.util.Map.entry("achievements", "tóm tắt thành tích"));

  /**
   * The submission's refusal: its {@code detail} names the fields still missing ("Chưa nộp được hồ sơ: còn thiếu
   * hình thức khen thưởng, loại hình khen thưởng."), the general sentence when none is missing, only malformed.
   */
  public static InvalidDossierException submissionRefused(List<FieldProblem> problems) {
    List<String> missing = new ArrayList<>();
    for (FieldProblem p : problems) {
      String label = REQUIRED_LABELS.get(p.field());
      if (label == null && p.field().startsWith("documents.") && p.message().startsWith("Thiếu tài liệu bắt buộc: ")) {
        label = p.message().substring("Thiếu tài liệu bắt buộc: ".length()).replaceAll("\\.$", "");
        label = label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
      } else if (label != null && !p.message().startsWith("Chưa ")) {
        label = null; // present but malformed: named on its field only
      }
      if (label != null && !missing.contains(label)) {
        missing.add(label);
      }
    }
    return new InvalidDossierException(missing.isEmpty() ? null
        : "Chưa nộp được hồ sơ: còn thiếu " + String.join(", ", missing) + ".", problems);
  }


  private List<FieldProblem> checkFields(DossierRequest r, boolean complete) {
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>(FieldProblems.of(declaredRules.validate(r)));
    Optional<AwardType> award = Optional.empty();
    if (blank(r.awardType())) {
      if (complete) {
        problems.add(new FieldProblem("awardType", "Chưa chọn hình thức khen thưởng."));
      }
    } else {
      award = catalog.find(r.awardType());
      if (award.isEmpty()) {
        problems.add(new FieldProblem("awardType", "Hình thức khen thưởng không có trong danh mục."));
      } else if (award.get().level() == vn.gov.sonla.tdkt.award.AwardLevel.UNIT) {
        problems.add(new FieldProblem("awardType", award.get().name()
            + " là danh hiệu cấp cơ sở do đơn vị tự xét tặng, không đề nghị lên tỉnh."));
      } else if (!award.get().active()) {
        problems.add(new FieldProblem("awardType", award.get().name() + " không còn được xét tặng."));
      }
    }
    if (blank(r.awardKind())) {
      if (complete) {
        problems.add(new FieldProblem("awardKind", "Chưa chọn loại hình khen thưởng."));
      }
    } else if (parse(AwardKind.class, r.awardKind()).isEmpty()) {
      problems.add(new FieldProblem("awardKind", "Loại hình khen thưởng không hợp lệ."));
    }
    int thisYear = today.getYear();
    if (r.year() == null) {
      problems.add(new FieldProblem("year", "Chưa nhập năm đề nghị khen thưởng."));
    } else if (r.year() < thisYear - 5 || r.year() > thisYear + 1) {
      problems.add(new FieldProblem("year", "Năm đề nghị phải từ " + (thisYear - 5) + " đến " + (thisYear + 1) + "."));
    }
    Optional<SubjectKind> subjectKind = parse(SubjectKind.class, r.subjectKind());
    if (blank(r.subjectKind())) {
      if (complete) {
        problems.add(new FieldProblem("subjectKind", "Chưa chọn đối tượng là cá nhân hay tập thể."));
      }
    } else if (subjectKind.isEmpty()) {
      problems.add(new FieldProblem("subjectKind", "Đối tượng phải là cá nhân, tập thể hoặc hộ gia đình."));
    } else if (award.isPresent() && !award.get().allowsSubject(subjectKind.get().name())) {
      problems.add(new FieldProblem("subjectKind", award.get().name() + " không xét cho "
          + subjectKind.get().label().toLowerCase() + "."));
    }
    if (blank(r.subjectName())) {
      problems.add(new FieldProblem("subjectName", "Chưa nhập tên cá nhân hoặc tập thể được đề nghị."));
    } else if (r.subjectName().strip().length() > 200) {
      problems.add(new FieldProblem("subjectName", "Tên không được dài quá 200 ký tự."));
    }
    invalidCharacters(problems, "subjectName", r.subjectName(), false);
    invalidCharacters(problems, "position", r.position(), false);
    invalidCharacters(problems, "workUnit", r.workUnit(), false);
    invalidCharacters(problems, "achievements", r.achievements(), true);
    boolean individual = subjectKind.map(k -> k == SubjectKind.INDIVIDUAL).orElse(false);
    String birthProblem = SubjectKey.birthDateProblem(r.birthDate(), today);
    if (birthProblem != null && !r.birthDate().isAfter(today)) { // a future date: the declared rule said so
      problems.add(new FieldProblem("birthDate", birthProblem));
    }
    if (complete && individual) {
      if (r.birthDate() == null) {
        problems.add(new FieldProblem("birthDate", "Chưa nhập ngày sinh."));
      }
      if (blank(r.position())) {
        problems.add(new FieldProblem("position", "Chưa nhập chức vụ."));
      }
      if (blank(r.workUnit())) {
        problems.add(new FieldProblem("workUnit", "Chưa nhập đơn vị công tác."));
      }
    }
    checkRole(r, subjectKind, complete, problems);
    checkDeclaredFacts(r, subjectKind, complete, problems, today);
    if (complete && blank(r.achievements())) {
      problems.add(new FieldProblem("achievements", "Chưa nhập tóm tắt thành tích."));
    }
    return problems;
  }

  /**
   * The subject's role: required on submission for individuals (leader or direct worker) and collectives
   * (small collective or not), none for households; it must fit the kind.
   */
  private static void checkRole(DossierRequest r, Optional<SubjectKind> kind, boolean complete,
      List<FieldProblem> problems) {
    Optional<SubjectRole> role = parse(SubjectRole.class, r.subjectRole());
    if (!blank(r.subjectRole()) && role.isEmpty()) {
      problems.add(new FieldProblem("subjectRole", "Vai trò không hợp lệ: LEADER, DIRECT_WORKER (cá nhân),"
          + " SMALL_COLLECTIVE, COLLECTIVE (tập thể)."));
      return;
    }
    if (kind.isEmpty()) {
      return;
    }
    if (kind.get() == SubjectKind.HOUSEHOLD) {
      if (role.isPresent()) {
        problems.add(new FieldProblem("subjectRole", "Hộ gia đình không có vai trò lãnh đạo, trực tiếp hay tập thể nhỏ."));
      }
      return;
    }
    if (role.isPresent() && role.get().kind() != kind.get()) {
      problems.add(new FieldProblem("subjectRole", kind.get() == SubjectKind.INDIVIDUAL
          ? "Cá nhân: chọn cán bộ lãnh đạo, quản lý hoặc người trực tiếp lao động, sản xuất, công tác."
          : "Tập thể: chọn tập thể nhỏ (phòng, ban, tổ, đội, …) hoặc tập thể khác."));
    } else if (complete && role.isEmpty()) {
      problems.add(new FieldProblem("subjectRole", kind.get() == SubjectKind.INDIVIDUAL
          ? "Chưa chọn cá nhân là cán bộ lãnh đạo, quản lý hay người trực tiếp lao động, sản xuất, công tác."
          : "Chưa chọn tập thể là tập thể nhỏ (phòng, ban, tổ, đội, …) hay tập thể khác."));
    }
  }

  /** Declared facts are well-formed; the collective's figures are required for Tập thể lao động xuất sắc. */
  private static void checkDeclaredFacts(DossierRequest r, Optional<SubjectKind> kind, boolean complete,
      List<FieldProblem> problems, LocalDate today) {
    // a discipline ending in the future, a count out of range: the declared rules of DeclaredFacts
    DeclaredFacts f = r.declaredFacts() == null ? DeclaredFacts.NONE : r.declaredFacts();
    Integer members = f.memberCount();
    String[][] counts = {
        {"membersCompletingTasks", "Số cá nhân hoàn thành nhiệm vụ"},
        {"advancedWorkerMembers", "Số cá nhân đạt Lao động tiên tiến"},
        {"emulationFighterMembers", "Số cá nhân đạt Chiến sĩ thi đua cơ sở"},
        {"membersDisciplined", "Số cá nhân bị kỷ luật từ khiển trách trở lên"}};
    Integer[] values = {f.membersCompletingTasks(), f.advancedWorkerMembers(), f.emulationFighterMembers(),
        f.membersDisciplined()};
    if (members != null && (members < 1 || members > 100_000)) {
      members = null; // reported by its declared rule
    }
    boolean ttldxs = "TTLDXS".equals(r.awardType() == null ? null : r.awardType().strip());
    for (int i = 0; i < counts.length; i++) {
      String field = "declaredFacts." + counts[i][0];
      if (values[i] == null) {
        if (complete && ttldxs && kind.orElse(null) == SubjectKind.COLLECTIVE) {
          problems.add(new FieldProblem(field, "Chưa khai " + counts[i][1].toLowerCase() + " (bắt buộc khi đề nghị"
              + " Tập thể lao động xuất sắc)."));
        }
      } else if (values[i] >= 0 && members != null && values[i] > members) { // below 0: its declared rule
        problems.add(new FieldProblem(field, counts[i][1] + " phải từ 0 đến số thành viên của tập thể."));
      }
    }
    if (complete && ttldxs && kind.orElse(null) == SubjectKind.COLLECTIVE && f.memberCount() == null) {
      problems.add(new FieldProblem("declaredFacts.memberCount", "Chưa khai số thành viên của tập thể (bắt buộc khi"
          + " đề nghị Tập thể lao động xuất sắc)."));
    }
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    return EnumSet.allOf(type).stream().filter(e -> e.name().equals(value.strip())).findFirst();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** A control character (NUL, …) or half a surrogate pair in user text: refused, never stored or printed. */
  private static void invalidCharacters(List<FieldProblem> problems, String field, String text, boolean lineBreaks) {
    String invalid = VietnameseText.invalidCharacter(text, lineBreaks);
    if (invalid != null) {
      problems.add(new FieldProblem(field, "Có ký tự không hợp lệ (" + invalid + "): hãy nhập lại."));
    }
  }
}
