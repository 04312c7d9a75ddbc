package vn.gov.sonla.tdkt.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives a plan item to its units: who leads, who coordinates, when it is due. */
@Component("preparePlanItem")
public class PreparePlanItem implements JavaDelegate {

  private final PlanStore store;
  private final PlanUnits units;
  private final PlanDeadlines deadlines;

  public PreparePlanItem(PlanStore store, PlanUnits units, PlanDeadlines deadlines) {
    this.store = store;
    this.units = units;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = (Integer) execution.getVariable("planYear");
    String key = (String) execution.getVariable("planItemKey");
    PlanStore.ItemStatus item = store.item(year, key);
    List<String> leadGroups = units.groupsFor(item.leadUnit());
    Set<String> coordinating = new LinkedHashSet<>();
    if (item.coordinatingUnits() != null && !item.coordinatingUnits().isBlank()) {
      for (String unit : item.coordinatingUnits().split(";")) {
        if (!unit.isBlank()) {
          coordinating.addAll(units.groupsFor(unit.strip()));
        }
      }
    }
    coordinating.removeAll(leadGroups);
    execution.setVariable("planContent", item.content());
    execution.setVariable("planTiming", item.timing());
    execution.setVariable("planLeadUnit", item.leadUnit());
    execution.setVariable("planCoordinatingUnits", item.coordinatingUnits());
    execution.setVariable("planKind", item.kind() == null ? "OTHER" : item.kind());
    execution.setVariable("planRound", item.round());
    execution.setVariable("planDue", deadlines.due(item.dueDate()));
    execution.setVariable("recurring", "Thường xuyên".equals(item.timing()));
    execution.setVariable("leadGroups", leadGroups);
    execution.setVariable("coordinatingGroups", new ArrayList<>(coordinating));
    store.started(year, key);
  }
}
