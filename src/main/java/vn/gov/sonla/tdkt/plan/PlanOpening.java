package vn.gov.sonla.tdkt.plan;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Opens a year's plan: validates the file whole, records the plan and its items with their due
 * dates, and the intake deadline of each council round (the start of the round item's month).
 */
@Service
public class PlanOpening {

  private final PlanParser parser;
  private final PlanSchedule schedule;
  private final PlanStore store;
  private final PlanDeadlines deadlines;

  public PlanOpening(PlanParser parser, PlanSchedule schedule, PlanStore store, PlanDeadlines deadlines) {
    this.parser = parser;
    this.schedule = schedule;
    this.store = store;
    this.deadlines = deadlines;
  }

  /** Parses and validates; throws {@link PlanValidationException} naming every error. */
  public Plan parse(String yaml) {
    return parser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  public Plan open(String yaml, String source) {
    Plan plan = parse(yaml);
    List<LocalDate> dueDates = plan.items().stream().map(i -> schedule.dueDate(i, plan.year())).toList();
    store.open(plan, source, yaml, dueDates);
    for (int i = 0; i < plan.items().size(); i++) {
      PlanItem item = plan.items().get(i);
      if (item.kind() == PlanItemKind.COUNCIL_ROUND && item.round() != null) {
        store.setRoundIntakeDeadline(plan.year(), item.round(), deadlines.startOfItemMonth(deadlines.due(dueDates.get(i))));
      }
    }
    return plan;
  }
}
