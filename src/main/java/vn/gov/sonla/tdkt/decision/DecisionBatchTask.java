package vn.gov.sonla.tdkt.decision;

import static org.camunda.spin.Spin.JSON;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/**
 * The Chairman's batch task ({@code ${decisionBatchTask.completed(task)}}): checks that the draft was looked at and
 * that each line of {@code excludedList} and {@code refusedList} names a dossier of the batch with a reason
 * ("2025-SGDDT-0001: lý do"), no dossier in both; sets {@code excludedReasons} and {@code refusedReasons} (JSON
 * objects code → reason), {@code includedCount}, who decided and the signing date.
 */
@Component("decisionBatchTask")
public class DecisionBatchTask {

  public static final String EXCLUDED = "excludedReasons";
  public static final String REFUSED = "refusedReasons";
  private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z0-9_-]+)\\s*:\\s*(.*)");

  private final DecisionBatchRepository batches;
  private final CalendarProperties calendar;

  private final java.time.Clock clock;

  public DecisionBatchTask(DecisionBatchRepository batches, CalendarProperties calendar, java.time.Clock clock) {
    this.clock = clock;
    this.batches = batches;
    this.calendar = calendar;
  }

  public void completed(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable("draftReviewed"))) {
      throw new TaskInputException("Hãy xem dự thảo quyết định và đánh dấu đã xem trước khi quyết định.");
    }
    String key = (String) task.getVariable("batchKey");
    List<String> proposed = batches.codes(key, DecisionBatchRepository.PROPOSED);
    Map<String, String> excluded = parse(task.getVariable("excludedList"), proposed, "loại khỏi đợt");
    Map<String, String> refused = parse(task.getVariable("refusedList"), proposed, "không khen thưởng");
    for (String code : excluded.keySet()) {
      if (refused.containsKey(code)) {
        throw new TaskInputException("Hồ sơ " + code + " vừa bị loại khỏi đợt vừa không được khen thưởng: hãy chọn"
            + " một.");
      }
    }
    var identity = task.getProcessEngineServices().getIdentityService();
    String userId = vn.gov.sonla.tdkt.engine.EngineUser.currentUserId(identity);
    requireChairman(identity, userId);
    String decidedBy = userId != null ? userId : task.getAssignee();
    if (decidedBy == null) {
      throw new TaskInputException("Không xác định được người quyết định: hãy đăng nhập và nhận việc trước khi"
          + " quyết định.");
    }
    var execution = task.getExecution();
    execution.setVariable(EXCLUDED, JSON(excluded));
    execution.setVariable(REFUSED, JSON(refused));
    execution.setVariable("includedCount", proposed.size() - excluded.size() - refused.size());
    execution.setVariable("decidedBy", decidedBy);
    execution.setVariable("decidedOn",
        clock.instant().atZone(calendar.zone()).toLocalDate().toString());
  }

  /**
   * Only the Chairman (group chairman) decides: a user outside it who took the task is refused; the system (no user)
   * passes.
   */
  private static void requireChairman(org.camunda.bpm.engine.IdentityService identity, String userId) {
    if (userId != null && !vn.gov.sonla.tdkt.engine.EngineUser.isMember(identity, userId,
        vn.gov.sonla.tdkt.identity.Groups.CHAIRMAN)) {
      throw new TaskInputException("Chỉ Chủ tịch UBND tỉnh (nhóm chairman) được quyết định khen thưởng.");
    }
  }

  private static Map<String, String> parse(Object value, List<String> proposed, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!(value instanceof String text) || text.isBlank()) {
      return out;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new TaskInputException("Mỗi dòng hồ sơ " + what + " ghi: mã hồ sơ, dấu hai chấm, lý do (ví dụ"
            + " 2025-SGDDT-0001: lý do). Dòng không đúng: " + line.strip());
      }
      String code = proposed.stream().filter(c -> c.equalsIgnoreCase(m.group(1))).findFirst()
          .orElseThrow(() -> new TaskInputException("Hồ sơ " + m.group(1) + " không thuộc đợt này."));
      String reason = m.group(2).strip();
      if (reason.isEmpty()) {
        throw new TaskInputException("Chưa nêu lý do " + what + " hồ sơ " + code + ".");
      }
      if (out.put(code, reason) != null) {
        throw new TaskInputException("Hồ sơ " + code + " được ghi hai lần.");
      }
    }
    return out;
  }

  /** The reasons (code → reason) the Chairman gave, from {@link #EXCLUDED} or {@link #REFUSED}. */
  static Map<String, String> reasons(Object variable) {
    Map<String, String> out = new LinkedHashMap<>();
    if (variable instanceof SpinJsonNode node) {
      for (String code : node.fieldNames()) {
        out.put(code, node.prop(code).stringValue());
      }
    }
    return out;
  }
}
