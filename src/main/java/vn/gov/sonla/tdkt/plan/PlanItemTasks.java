package vn.gov.sonla.tdkt.plan;

import static org.camunda.spin.Spin.JSON;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineUser;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/**
 * The plan-task model's user tasks: a coordinating unit's contribution (shown to the lead unit in
 * its form), the lead unit's completion with its result, and a recurring item's monthly check-in.
 */
@Component("planItemTasks")
public class PlanItemTasks {

  private final PlanStore store;

  private final Clock clock;

  public PlanItemTasks(PlanStore store, Clock clock) {
    this.clock = clock;
    this.store = store;
  }

  public void contributed(DelegateTask task) {
    String text = required(task, "contributionText", "Chưa nhập nội dung phối hợp.");
    List<Object> contributions = new ArrayList<>();
    Object existing = task.getExecution().getProcessInstance().getVariable("contributions");
    if (existing instanceof SpinJsonNode node) {
      node.elements().forEach(e -> contributions.add(e.mapTo(Map.class)));
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("group", task.getVariable("coordinatingGroup"));
    entry.put("by", actor(task));
    entry.put("at", clock.instant().toString());
    entry.put("text", text);
    contributions.add(entry);
    task.getExecution().getProcessInstance().setVariable("contributions", JSON(contributions));
    task.getExecution().removeVariable("contributionText");
  }

  public void completed(DelegateTask task) {
    String result = required(task, "planResult", "Chưa nhập kết quả thực hiện nhiệm vụ.");
    store.done((Integer) task.getVariable("planYear"), (String) task.getVariable("planItemKey"), actor(task), result);
  }

  public void checkedIn(DelegateTask task) {
    required(task, "checkInNote", "Chưa nhập kết quả thực hiện trong tháng.");
    store.checkedIn((Integer) task.getVariable("planYear"), (String) task.getVariable("planItemKey"));
  }

  private static String required(DelegateTask task, String variable, String message) {
    Object value = task.getVariable(variable);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new TaskInputException(message);
    }
    return text.strip();
  }

  private static String actor(DelegateTask task) {
    return EngineUser.actor(task);
  }
}
