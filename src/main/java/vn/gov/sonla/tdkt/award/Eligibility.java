package vn.gov.sonla.tdkt.award;

import static org.camunda.spin.Spin.JSON;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Reads the eligibility decisions' results in the business rule tasks' output mappings ({@code ${eligibilityDecisions…}}):
 * the regime chosen by receipt date, then the unmet criteria of its table, into the variables the appraisal
 * form shows ({@code eligibility}: status, regime, versionTag, unmet criteria with their articles).
 */
@Component("eligibilityDecisions")
public class Eligibility {

  public static final String ELIGIBLE = "ELIGIBLE";
  public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

  private final RepositoryService repository;

  public Eligibility(RepositoryService repository) {
    this.repository = repository;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<Integer>> registerYears(Object variable) {
    if (variable == null) {
      return Map.of();
    }
    Object value = variable instanceof org.camunda.spin.json.SpinJsonNode node
        ? node.mapTo(java.util.LinkedHashMap.class) : variable;
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof List<?> l
          ? l.stream().map(o -> ((Number) o).intValue()).toList() : List.of()));
    }
    return out;
  }

  /** One output of the regime table's single result. */
  public String regime(DmnDecisionResult result, String output) {
    DmnDecisionResultEntries entry = result.getSingleResult();
    if (entry == null) {
      throw new IllegalStateException("award-eligibility-regime has no regime for this receipt date");
    }
    return entry.getEntry(output);
  }

  /** The criteria table's result, as the JSON variable {@code eligibility}; sets {@code eligible} too. */
  public Object result(DelegateExecution execution, DmnDecisionResult result) {
    String key = (String) execution.getVariable("eligibilityCriteriaDecision");
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    List<Map<String, Object>> unmet = new ArrayList<>();
    Map<String, List<Integer>> register = registerYears(execution.getVariable("registerYears"));
    Object awardYear = execution.getVariable("awardYear");
    for (DmnDecisionResultEntries entry : result) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("criterion", entry.getEntry("criterion"));
      m.put("message", entry.getEntry("message"));
      m.put("detail", awardYear instanceof Number y
          ? EligibilityExplanation.of(entry.getEntry("criterion"), y.intValue(), register) : null);
      m.put("article", entry.getEntry("article"));
      unmet.add(m);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", unmet.isEmpty() ? ELIGIBLE : NOT_ELIGIBLE);
    view.put("eligible", unmet.isEmpty());
    view.put("statusLabel", unmet.isEmpty() ? "Đủ tiêu chuẩn theo dữ liệu sổ khen thưởng và hồ sơ"
        : "Chưa đủ tiêu chuẩn (" + unmet.size() + " tiêu chuẩn chưa đạt)");
    view.put("regime", execution.getVariable("eligibilityRegime"));
    view.put("regimeName", execution.getVariable("eligibilityRegimeName"));
    view.put("receivedOn", execution.getVariable("receivedOn"));
    view.put("decisionKey", key);
    view.put("decisionVersion", definition == null ? null : definition.getVersion());
    view.put("versionTag", definition == null ? null : definition.getVersionTag());
    view.put("unmet", unmet);
    execution.setVariable("eligible", unmet.isEmpty());
    return JSON(view);
  }
}
