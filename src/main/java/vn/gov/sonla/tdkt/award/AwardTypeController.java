package vn.gov.sonla.tdkt.award;

import org.springframework.security.access.prepost.PreAuthorize;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.DossierStateException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;

/**
 * The award catalogue: everyone signed in reads it (with the reward in force on a date and the documents a
 * dossier needs, from required-documents.dmn); administrators add and edit types and their dated rewards.
 */
@RestController
@RequestMapping("/api/award-types")
public class AwardTypeController {

  public record RewardRequest(LocalDate validFrom, BigDecimal individual, BigDecimal collective, BigDecimal household,
      String legalBasis) {}

  /**
   * An award type as administrators send it; {@code consultationRequired} marks an order or State honour published
   * for opinions before the council (with its source {@code consultationBasis}); left unchanged when absent.
   */
  public record AwardTypeRequest(String code, String name, String level, String category, List<String> subjectKinds,
      String decider, String legalBasis, Boolean active, Integer sortOrder, List<RewardRequest> rewards,
      Boolean consultationRequired, String consultationBasis) {}

  private final AwardCatalog catalog;
  private final BaseSalaryProperties baseSalary;
  private final RequiredDocuments requiredDocuments;
  private final RewardMoney rewardMoney;

  private final Clock clock;

  public AwardTypeController(AwardCatalog catalog, BaseSalaryProperties baseSalary,
      RequiredDocuments requiredDocuments, RewardMoney rewardMoney,
      Clock clock) {
    this.clock = clock;
    this.catalog = catalog;
    this.baseSalary = baseSalary;
    this.rewardMoney = rewardMoney;
    this.requiredDocuments = requiredDocuments;
  }

  /** The catalogue; rewards as in force on {@code on} (default today). */
  @GetMapping
  public List<Map<String, Object>> list(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    LocalDate date = on == null ? today() : on;
    return catalog.all().stream().map(t -> view(t, date)).toList();
  }

  /**
   * One award type of the catalogue as in force on a date (default today), with the history of its reward
   * coefficients.
   */
  @GetMapping("/{code}")
  public Map<String, Object> one(@PathVariable String code,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    AwardType type = catalog.find(code).orElseThrow(() -> new DossierNotFoundException("award-type " + code));
    Map<String, Object> view = view(type, on == null ? today() : on);
    view.put("rewardHistory", catalog.rewards(type.code()));
    return view;
  }

  /** Base salary by date (tdkt.base-salary). */
  @GetMapping("/base-salary")
  public List<BaseSalaryProperties.Entry> baseSalaries() {
    return baseSalary.baseSalary();
  }

  /** Adds an award type to the catalogue (administrators); answers 201 with its address. */
  @Created
  @PostMapping
  @PreAuthorize("@awardAccess.canEditCatalogue(authentication)")
  @Transactional
  public ResponseEntity<Map<String, Object>> create(@RequestBody AwardTypeRequest request) {
    if (request.code() != null && catalog.find(request.code()).isPresent()) {
      throw new DossierStateException("Mã " + request.code().strip() + " đã có trong danh mục; dùng PUT để sửa.");
    }
    AwardType type = validated(request.code(), request, true);
    catalog.save(type);
    catalog.replaceRewards(type.code(), rewards(request));
    saveConsultation(type.code(), request);
    return ResponseEntity.created(URI.create("/api/award-types/" + type.code())).body(one(type.code(), null));
  }

  /** Changes an award type of the catalogue, and its dated reward coefficients when given (administrators). */
  @PutMapping("/{code}")
  @PreAuthorize("@awardAccess.canEditCatalogue(authentication)")
  @Transactional
  public Map<String, Object> update(@PathVariable String code, @RequestBody AwardTypeRequest request) {
    catalog.find(code).orElseThrow(() -> new DossierNotFoundException("award-type " + code));
    AwardType type = validated(code, request, request.rewards() != null);
    catalog.save(type);
    if (request.rewards() != null) {
      catalog.replaceRewards(code, rewards(request));
    }
    saveConsultation(code, request);
    return one(code, null);
  }

  private void saveConsultation(String code, AwardTypeRequest request) {
    if (request.consultationRequired() != null) {
      catalog.setConsultation(code.strip(), request.consultationRequired(),
          request.consultationRequired() ? request.consultationBasis().strip() : null);
    }
  }

  private AwardType validated(String code, AwardTypeRequest r, boolean checkRewards) {
    List<FieldProblem> problems = new ArrayList<>();
    if (code == null || !code.strip().matches("[A-Z][A-Z0-9_]{1,31}")) {
      problems.add(new FieldProblem("code", "Mã gồm chữ in hoa, chữ số, dấu gạch dưới (2–32 ký tự), bắt đầu bằng chữ."));
    }
    text(problems, "name", r.name(), 200, "Chưa nhập tên danh hiệu, hình thức khen thưởng.");
    text(problems, "legalBasis", r.legalBasis(), 200, "Chưa nhập căn cứ pháp lý (văn bản, điều, khoản).");
    text(problems, "decider", r.decider(), 200, "Chưa nhập cấp quyết định.");
    Optional<AwardLevel> level = parse(AwardLevel.class, r.level());
    if (level.isEmpty()) {
      problems.add(new FieldProblem("level", "Cấp khen thưởng phải là UNIT, PROVINCIAL hoặc STATE."));
    }
    Optional<AwardCategory> category = parse(AwardCategory.class, r.category());
    if (category.isEmpty()) {
      problems.add(new FieldProblem("category", "Loại phải là TITLE (danh hiệu thi đua) hoặc AWARD (hình thức khen thưởng)."));
    }
    Set<String> kinds = new LinkedHashSet<>();
    if (r.subjectKinds() == null || r.subjectKinds().isEmpty()) {
      problems.add(new FieldProblem("subjectKinds", "Chưa chọn đối tượng được xét (cá nhân, tập thể, hộ gia đình)."));
    } else {
      for (String k : r.subjectKinds()) {
        if (parse(SubjectKind.class, k).isEmpty()) {
          problems.add(new FieldProblem("subjectKinds", "Đối tượng không hợp lệ: " + k + " (INDIVIDUAL, COLLECTIVE, HOUSEHOLD)."));
        } else {
          kinds.add(k.strip());
        }
      }
    }
    if (r.sortOrder() != null && (r.sortOrder() < 0 || r.sortOrder() > 10_000)) {
      problems.add(new FieldProblem("sortOrder", "Thứ tự hiển thị từ 0 đến 10000."));
    }
    if (checkRewards) {
      checkRewards(r.rewards(), kinds, problems);
    }
    if (Boolean.TRUE.equals(r.consultationRequired())) {
      text(problems, "consultationBasis", r.consultationBasis(), 600,
          "Chưa nhập căn cứ của việc lấy ý kiến trước khi Hội đồng xét (văn bản, điều, khoản; mức độ đối chiếu).");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Danh mục khen thưởng chưa hợp lệ: kiểm tra các trường được nêu.", problems);
    }
    return new AwardType(code.strip(), r.name().strip(), level.get(), category.get(), kinds, r.decider().strip(),
        r.legalBasis().strip(), r.active() == null || r.active(), r.sortOrder() == null ? 100 : r.sortOrder());
  }

  private static void checkRewards(List<RewardRequest> rewards, Set<String> kinds, List<FieldProblem> problems) {
    if (rewards == null) {
      return;
    }
    Set<LocalDate> dates = new HashSet<>();
    for (int i = 0; i < rewards.size(); i++) {
      RewardRequest reward = rewards.get(i);
      String field = "rewards[" + i + "]";
      if (reward.validFrom() == null) {
        problems.add(new FieldProblem(field + ".validFrom", "Chưa nhập ngày áp dụng mức thưởng."));
      } else if (!dates.add(reward.validFrom())) {
        problems.add(new FieldProblem(field + ".validFrom", "Hai mức thưởng cùng ngày áp dụng " + reward.validFrom() + "."));
      }
      if (reward.legalBasis() == null || reward.legalBasis().isBlank()) {
        problems.add(new FieldProblem(field + ".legalBasis", "Chưa nhập căn cứ của mức thưởng."));
      }
      coefficient(problems, field + ".individual", reward.individual(), kinds.contains("INDIVIDUAL"));
      coefficient(problems, field + ".collective", reward.collective(), kinds.contains("COLLECTIVE"));
      coefficient(problems, field + ".household", reward.household(), kinds.contains("HOUSEHOLD"));
    }
  }

  private static void coefficient(List<FieldProblem> problems, String field, BigDecimal value, boolean allowed) {
    if (value == null) {
      return;
    }
    if (!allowed) {
      problems.add(new FieldProblem(field, "Có hệ số thưởng cho đối tượng không được xét hình thức này."));
    } else if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > 2) {
      problems.add(new FieldProblem(field, "Hệ số thưởng từ 0 đến 100 lần mức lương cơ sở, tối đa 2 chữ số thập phân."));
    }
  }

  private static List<AwardReward> rewards(AwardTypeRequest r) {
    if (r.rewards() == null) {
      return List.of();
    }
    return r.rewards().stream().map(w -> new AwardReward(r.code(), w.validFrom(), w.individual(), w.collective(),
        w.household(), w.legalBasis().strip())).toList();
  }

  private Map<String, Object> view(AwardType t, LocalDate date) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("code", t.code());
    v.put("name", t.name());
    v.put("level", t.level());
    v.put("levelLabel", t.level().label());
    v.put("category", t.category());
    v.put("categoryLabel", t.category().label());
    v.put("subjectKinds", t.subjectKinds());
    v.put("decider", t.decider());
    v.put("legalBasis", t.legalBasis());
    v.put("active", t.active());
    v.put("sortOrder", t.sortOrder());
    Optional<String> consultation = catalog.consultationBasis(t.code());
    v.put("consultationRequired", consultation.isPresent());
    v.put("consultationBasis", consultation.orElse(null));
    if (t.proposable()) {
      Map<String, List<String>> documents = new LinkedHashMap<>();
      documents.put("NORMAL", names(requiredDocuments.forDossier(t.code(), AwardKind.ANNUAL)));
      documents.put("SIMPLIFIED", names(requiredDocuments.forDossier(t.code(), AwardKind.SUDDEN)));
      v.put("requiredDocuments", documents);
    }
    Optional<BaseSalaryProperties.Entry> salary = baseSalary.on(date);
    catalog.rewardOn(t.code(), date).ifPresent(reward -> {
      Map<String, Object> rv = new LinkedHashMap<>();
      rv.put("on", date);
      rv.put("validFrom", reward.validFrom());
      rv.put("legalBasis", reward.legalBasis());
      salary.ifPresent(s -> {
        rv.put("baseSalary", s.amount());
        rv.put("baseSalaryBasis", s.basis());
      });
      List<AwardReward> rewards = catalog.rewards(t.code());
      Map<String, Object> byKind = new LinkedHashMap<>();
      for (String kind : t.subjectKinds()) {
        BigDecimal c = reward.coefficient(kind);
        if (c != null) {
          Map<String, Object> k = new LinkedHashMap<>();
          k.put("coefficient", c);
          // coefficient × base salary, rounded per the rule in force that day (the amount the decision states)
          rewardMoney.amount(rewards, kind, date).ifPresent(a -> {
            k.put("amount", a.amount());
            k.put("roundingBasis", a.roundingBasis());
          });
          byKind.put(kind, k);
        }
      }
      rv.put("bySubjectKind", byKind);
      v.put("reward", rv);
    });
    return v;
  }

  private static List<String> names(List<DocumentType> types) {
    return types.stream().map(Enum::name).toList();
  }

  private static void text(List<FieldProblem> problems, String field, String value, int max, String missing) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, missing));
    } else if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, "Không được dài quá " + max + " ký tự."));
    }
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.strip())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
  }
}
