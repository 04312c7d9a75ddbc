package vn.gov.sonla.tdkt.dossier;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardType;

/** Checks a dossier's fields and documents; messages are for the unit officer, in Vietnamese. */
@Component
public class DossierValidator {

  private final AwardCatalog catalog;
  private final RequiredDocuments requiredDocuments;
  private final List<DossierCheck> checks;

  public DossierValidator(AwardCatalog catalog, RequiredDocuments requiredDocuments, List<DossierCheck> checks) {
    this.catalog = catalog;
    this.requiredDocuments = requiredDocuments;
    this.checks = checks;
  }

  /** Checks what a draft needs: the fields that identify the proposal, well-formed if present. */
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

  private List<FieldProblem> checkFields(DossierRequest r, boolean complete) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<AwardType> award = Optional.empty();
    if (blank(r.awardType())) {
      problems.add(new FieldProblem("awardType", "Chưa chọn hình thức khen thưởng."));
    } else {
      award = catalog.find(r.awardType());
      if (award.isEmpty()) {
        problems.add(new FieldProblem("awardType", "Hình thức khen thưởng không có trong danh mục."));
      }
    }
    if (blank(r.awardKind())) {
      problems.add(new FieldProblem("awardKind", "Chưa chọn loại hình khen thưởng."));
    } else if (parse(AwardKind.class, r.awardKind()).isEmpty()) {
      problems.add(new FieldProblem("awardKind", "Loại hình khen thưởng không hợp lệ."));
    }
    int thisYear = Year.now().getValue();
    if (r.year() == null) {
      problems.add(new FieldProblem("year", "Chưa nhập năm đề nghị khen thưởng."));
    } else if (r.year() < thisYear - 5 || r.year() > thisYear + 1) {
      problems.add(new FieldProblem("year", "Năm đề nghị phải từ " + (thisYear - 5) + " đến " + (thisYear + 1) + "."));
    }
    Optional<SubjectKind> subjectKind = parse(SubjectKind.class, r.subjectKind());
    if (blank(r.subjectKind())) {
      problems.add(new FieldProblem("subjectKind", "Chưa chọn đối tượng là cá nhân hay tập thể."));
    } else if (subjectKind.isEmpty()) {
      problems.add(new FieldProblem("subjectKind", "Đối tượng phải là cá nhân hoặc tập thể."));
    } else if (award.isPresent() && !award.get().allowsSubject(subjectKind.get().name())) {
      problems.add(new FieldProblem("subjectKind", award.get().name() + " không xét cho "
          + subjectKind.get().label().toLowerCase() + "."));
    }
    if (blank(r.subjectName())) {
      problems.add(new FieldProblem("subjectName", "Chưa nhập tên cá nhân hoặc tập thể được đề nghị."));
    } else if (r.subjectName().strip().length() > 200) {
      problems.add(new FieldProblem("subjectName", "Tên không được dài quá 200 ký tự."));
    }
    boolean individual = subjectKind.map(k -> k == SubjectKind.INDIVIDUAL).orElse(false);
    if (r.birthDate() != null && (r.birthDate().isAfter(LocalDate.now().minusYears(15))
        || r.birthDate().isBefore(LocalDate.of(1900, 1, 1)))) {
      problems.add(new FieldProblem("birthDate", "Ngày sinh không hợp lệ."));
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
    if (r.position() != null && r.position().length() > 200) {
      problems.add(new FieldProblem("position", "Chức vụ không được dài quá 200 ký tự."));
    }
    if (r.workUnit() != null && r.workUnit().length() > 200) {
      problems.add(new FieldProblem("workUnit", "Đơn vị công tác không được dài quá 200 ký tự."));
    }
    if (complete && blank(r.achievements())) {
      problems.add(new FieldProblem("achievements", "Chưa nhập tóm tắt thành tích."));
    } else if (r.achievements() != null && r.achievements().length() > 8000) {
      problems.add(new FieldProblem("achievements", "Tóm tắt thành tích không được dài quá 8000 ký tự."));
    }
    return problems;
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
}
