package vn.gov.sonla.tdkt.bloc;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.kernel.FieldProblem;

/**
 * On completing a bloc task, however it is completed (the project's API or Tasklist): the self-assessment must
 * be stored, every member scored, and the flag proposal valid. A Tasklist completion of the flag proposal gives
 * the units as {@code flagUnitsText} (codes separated by commas).
 */
@Component("blocTaskGuard")
public class BlocTaskGuard implements TaskListener {

  private final BlocRepository blocs;
  private final BlocService service;

  public BlocTaskGuard(BlocRepository blocs, BlocService service) {
    this.blocs = blocs;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = (String) task.getVariable("blocCode");
    int year = (Integer) task.getVariable("year");
    switch (task.getTaskDefinitionKey()) {
      case BlocService.SELF_ASSESS_TASK -> {
        String unit = (String) task.getVariable("memberUnit");
        if (blocs.selfAssessment(code, year, unit).isEmpty()) {
          throw new ProcessEngineException("Đơn vị " + unit + " chưa nộp bản tự đánh giá (trang /blocs/bloc.html).");
        }
      }
      case BlocService.SCORE_TASK -> {
        List<String> missing = service.unscored(code, year);
        if (!missing.isEmpty()) {
          throw new ProcessEngineException("Chưa chấm đủ điểm cho: " + String.join(", ", missing) + ".");
        }
      }
      case BlocService.FLAG_TASK -> {
        if (task.getVariable("flagUnits") == null) {
          Object text = task.getVariable("flagUnitsText");
          List<String> units = text == null ? List.of() : Arrays.stream(text.toString().split("[,;\\s]+"))
              .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
          task.setVariable("flagUnits", new java.util.ArrayList<>(units));
          if (task.getVariable("flagProposedBy") == null) {
            task.setVariable("flagProposedBy", task.getAssignee());
          }
        }
        @SuppressWarnings("unchecked")
        List<String> units = (List<String>) task.getVariable("flagUnits");
        List<FieldProblem> problems = service.checkFlags(code, year, units);
        if (!problems.isEmpty()) {
          throw new ProcessEngineException(problems.get(0).message());
        }
      }
      default -> { }
    }
  }
}
