package vn.gov.sonla.tdkt.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.dossier.DossierCheck;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.kernel.FieldProblem;

/**
 * A THEMATIC dossier belongs to a movement, proposes one of its award forms, and is submitted inside
 * its intake window; other kinds belong to no movement.
 */
@Component
public class MovementRules implements DossierCheck {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final MovementRepository movements;
  private final WorkingDayCalendar calendar;

  private final Clock clock;

  public MovementRules(MovementRepository movements, WorkingDayCalendar calendar, Clock clock) {
    this.clock = clock;
    this.movements = movements;
    this.calendar = calendar;
  }

  public LocalDate today() {
    return calendar.localDate(Date.from(clock.instant()));
  }

  @Override
  public List<FieldProblem> check(DossierRequest request, boolean submitting) {
    return check(request.awardKind(), request.awardType(), request.movementId(), submitting);
  }

  /** Problems with the dossier's movement; {@code submitting}: the intake window is checked too. */
  public List<FieldProblem> check(String awardKind, String awardType, String movementId, boolean submitting) {
    List<FieldProblem> problems = new ArrayList<>();
    boolean thematic = "THEMATIC".equals(awardKind);
    boolean given = movementId != null && !movementId.isBlank();
    if (!thematic) {
      if (given) {
        problems.add(new FieldProblem("movementId", "Chỉ hồ sơ khen thưởng theo chuyên đề mới thuộc một phong trào."));
      }
      return problems;
    }
    if (!given) {
      if (submitting) {
        problems.add(new FieldProblem("movementId", "Hồ sơ khen thưởng theo chuyên đề phải chọn phong trào thi đua."));
      }
      return problems;
    }
    Optional<Movement> movement = movements.find(movementId.strip());
    if (movement.isEmpty()) {
      problems.add(new FieldProblem("movementId", "Không có phong trào thi đua này."));
      return problems;
    }
    Movement m = movement.get();
    if (awardType != null && !m.offers(awardType)) {
      problems.add(new FieldProblem("awardType", "Phong trào \"" + m.name() + "\" không xét hình thức khen thưởng này."));
    }
    if (submitting && !m.acceptsOn(today())) {
      problems.add(new FieldProblem("movementId", "Phong trào \"" + m.name() + "\" chỉ nhận hồ sơ từ "
          + DATE.format(m.intakeStart()) + " đến " + DATE.format(m.intakeEnd()) + "."));
    }
    return problems;
  }
}
