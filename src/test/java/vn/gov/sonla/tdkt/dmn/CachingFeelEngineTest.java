package vn.gov.sonla.tdkt.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The caching engine answers as the stock one: values, unary tests, and the same errors. */
class CachingFeelEngineTest {

  final FeelEngine stock = new ScalaFeelEngine(List.of());
  final FeelEngine caching = new CachingFeelEngine(List.of());

  final VariableContext variables = Variables.createVariables().putValue("awardType", "BK_TINH")
      .putValue("cstdcsYears", 2).putValue("share", 0.75).putValue("pending", false).putValue("nothing", null)
      .putValue("receivedOn", "2025-07-01").asVariableContext();

  @Test
  void expressionsGiveTheSameValues() {
    for (String expression : List.of("awardType", "cstdcsYears + 1", "share >= 0.7", "pending", "nothing",
        "date(receivedOn) >= date(\"2025-07-01\")", "string length(awardType)", "unknownVariable",
        "if cstdcsYears > 1 then \"yes\" else \"no\"", "[1, 2, 3][2]")) {
      for (int round = 0; round < 2; round++) { // the second time from the memo
        assertThat((Object) caching.evaluateSimpleExpression(expression, variables)).as(expression)
            .isEqualTo(stock.evaluateSimpleExpression(expression, variables));
      }
    }
  }

  @Test
  void unaryTestsGiveTheSameAnswers() {
    String[][] cases = {{"\"BK_TINH\"", "awardType"}, {"\"CSTD_TINH\",\"BK_TINH\"", "awardType"},
        {"not(\"BK_TINH\")", "awardType"}, {">= 2", "cstdcsYears"}, {"[1..3)", "cstdcsYears"}, {"-", "awardType"},
        {"", "cstdcsYears"}, {"< 0.7", "share"}, {"false", "pending"}, {"null", "nothing"},
        {"? > 1", "cstdcsYears"}, {">= date(\"2025-07-01\")", "receivedOnDate"}};
    java.util.Map<String, Object> inputs = new java.util.HashMap<>();
    inputs.put("awardType", "BK_TINH");
    inputs.put("cstdcsYears", 2);
    inputs.put("share", 0.75);
    inputs.put("pending", false);
    inputs.put("nothing", null);
    inputs.put("receivedOnDate", java.time.LocalDate.of(2025, 7, 2));
    for (String[] c : cases) {
      VariableContext context = Variables.createVariables().putValue("cellInput", inputs.get(c[1]))
          .asVariableContext();
      for (int round = 0; round < 2; round++) { // the second time from the memo
        assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(c[0], "cellInput", context))).as(c[0])
            .isEqualTo(outcome(() -> stock.evaluateSimpleUnaryTests(c[0], "cellInput", context)));
      }
    }
  }

  @Test
  void failuresReadTheSame() {
    for (String expression : List.of("1 +", "awardType(", "\"text\" + 1 > 2 and")) {
      Throwable expected = catchThrowable(() -> stock.evaluateSimpleExpression(expression, variables));
      Throwable actual = catchThrowable(() -> caching.evaluateSimpleExpression(expression, variables));
      assertThat(actual).as(expression).isNotNull().hasSameClassAs(expected).hasMessage(expected.getMessage());
    }
    Throwable expected = catchThrowable(() -> stock.evaluateSimpleUnaryTests(">=", "cellInput", variables));
    Throwable actual = catchThrowable(() -> caching.evaluateSimpleUnaryTests(">=", "cellInput", variables));
    assertThat(actual).isNotNull().hasSameClassAs(expected).hasMessage(expected.getMessage());
  }

  private static Object outcome(Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
