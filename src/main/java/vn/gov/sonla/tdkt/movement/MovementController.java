package vn.gov.sonla.tdkt.movement;

import org.springframework.security.access.prepost.PreAuthorize;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;

/** Thematic emulation movements: launched by home-affairs; listed for the units proposing under them. */
@RestController
@RequestMapping("/api/movements")
public class MovementController {

  public record MovementRequest(String name, String launchingDocument, LocalDate periodStart, LocalDate periodEnd,
      String criteria, LocalDate intakeStart, LocalDate intakeEnd, List<Movement.PlannedAward> awards) {}

  private final MovementRepository movements;
  private final AwardCatalog catalog;
  private final CurrentUserProvider currentUser;
  private final MovementRules rules;

  private final Clock clock;

  public MovementController(MovementRepository movements, AwardCatalog catalog, CurrentUserProvider currentUser,
      MovementRules rules, Clock clock) {
    this.clock = clock;
    this.movements = movements;
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.rules = rules;
  }

  /** Launches a thematic emulation movement with its intake window (home-affairs); answers 201. */
  @Created
  @PostMapping
  @PreAuthorize("@movementAccess.canLaunch(authentication)")
  @Transactional
  public ResponseEntity<Map<String, Object>> launch(@RequestBody MovementRequest r) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "name", r.name(), 400, "Chưa nhập tên phong trào.");
    text(problems, "launchingDocument", r.launchingDocument(), 200, "Chưa nhập văn bản phát động.");
    text(problems, "criteria", r.criteria(), 4000, "Chưa nhập tiêu chí thi đua.");
    if (r.periodStart() == null || r.periodEnd() == null || r.periodEnd().isBefore(r.periodStart())) {
      problems.add(new FieldProblem("periodEnd", "Thời gian phong trào không hợp lệ (từ ngày phải trước đến ngày)."));
    }
    if (r.intakeStart() == null || r.intakeEnd() == null || r.intakeEnd().isBefore(r.intakeStart())) {
      problems.add(new FieldProblem("intakeEnd", "Thời gian nhận hồ sơ không hợp lệ (từ ngày phải trước đến ngày)."));
    } else if (r.periodStart() != null && r.intakeStart().isBefore(r.periodStart())) {
      problems.add(new FieldProblem("intakeStart", "Thời gian nhận hồ sơ không được bắt đầu trước phong trào."));
    }
    if (r.awards() == null || r.awards().isEmpty()) {
      problems.add(new FieldProblem("awards", "Chưa nêu hình thức khen thưởng và số lượng dự kiến."));
    } else {
      Set<String> seen = new HashSet<>();
      for (Movement.PlannedAward award : r.awards()) {
        if (award.awardType() == null || catalog.find(award.awardType()).isEmpty()) {
          problems.add(new FieldProblem("awards", "Hình thức khen thưởng không có trong danh mục: " + award.awardType()));
        } else if (!seen.add(award.awardType())) {
          problems.add(new FieldProblem("awards", "Hình thức khen thưởng bị lặp: " + award.awardType()));
        }
        if (award.plannedCount() <= 0) {
          problems.add(new FieldProblem("awards", "Số lượng dự kiến phải lớn hơn 0."));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }
    Movement movement = new Movement(UUID.randomUUID().toString(), r.name().strip(), r.launchingDocument().strip(),
        r.periodStart(), r.periodEnd(), r.criteria().strip(), r.intakeStart(), r.intakeEnd(), List.copyOf(r.awards()),
        currentUser.get().id(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    movements.insert(movement);
    return ResponseEntity.created(URI.create("/api/movements/" + movement.id())).body(view(movement));
  }

  /** The thematic emulation movements, open and closed. */
  @GetMapping
  public List<Map<String, Object>> list() {
    return movements.all().stream().map(this::view).toList();
  }

  /** One thematic emulation movement with its intake window and dossiers. */
  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    return view(movements.find(id).orElseThrow(() -> new DossierNotFoundException(id, "Không tìm thấy phong trào " + id + ".")));
  }

  private Map<String, Object> view(Movement m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("movement", m);
    view.put("open", m.acceptsOn(rules.today()));
    view.put("proposed", m.awards().stream().collect(java.util.stream.Collectors.toMap(
        Movement.PlannedAward::awardType, a -> movements.dossierCount(m.id(), a.awardType()))));
    return view;
  }

  private static void text(List<FieldProblem> problems, String field, String value, int max, String message) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, message));
    } else if (value.length() > max) {
      problems.add(new FieldProblem(field, "Không được dài quá " + max + " ký tự."));
    }
  }
}
