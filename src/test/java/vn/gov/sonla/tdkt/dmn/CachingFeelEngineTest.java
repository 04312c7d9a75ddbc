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
  final CachingFeelEngine caching = new CachingFeelEngine(List.of());

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

  /**
   * The forms answered without the interpreter (names, literals, simple comparisons) answer as the stock engine for
   * values of every type, those they take and those they leave to the interpreter, and they are taken.
   */
  @Test
  void shortcutsGiveTheStockAnswers() {
    java.util.Map<String, Object> inputs = new java.util.LinkedHashMap<>();
    inputs.put("text", "BK_TINH");
    inputs.put("otherText", "CSTD_TINH");
    inputs.put("vietnamese", "Bằng khen");
    inputs.put("emptyText", "");
    inputs.put("integer", 2);
    inputs.put("long", 3L);
    inputs.put("short", (short) 1);
    inputs.put("negative", -4);
    inputs.put("double", 0.75);
    inputs.put("wholeDouble", 2.0);
    inputs.put("decimal", new java.math.BigDecimal("1.50"));
    inputs.put("yes", true);
    inputs.put("no", false);
    inputs.put("nothing", null);
    inputs.put("day", java.time.LocalDate.of(2025, 7, 2));
    inputs.put("firstDay", java.time.LocalDate.of(2025, 7, 1));
    inputs.put("isoDate", "2025-07-01");
    inputs.put("noSuchDay", "2025-02-30");
    inputs.put("dateTimeText", "2025-07-01T10:00:00");
    inputs.put("earlyYear", "0999-12-31");
    inputs.put("dateTime", java.time.LocalDateTime.of(2025, 7, 1, 10, 0));
    // a list input: unary tests only (a list-valued expression reads as a Scala list through FeelEngineApi, unlike
    // the stock engine's Java list, with or without the shortcuts; no table here returns one)
    inputs.put("list", List.of(1, 2));
    org.camunda.bpm.engine.variable.VariableMap all = Variables.createVariables();
    inputs.forEach(all::putValue);
    VariableContext context = all.asVariableContext();
    long before = caching.shortcuts.get();
    for (String expression : List.of("text", "integer", "long", "short", "negative", "double", "wholeDouble",
        "decimal", "yes", "no", "nothing", "day", "missing", " text ", "\"Điều 74 khoản 1\"", "\"\"",
        "\"a\\\"b\"", "true", "false", "null", "not", "date(isoDate)", "date( isoDate )", "date(noSuchDay)",
        "date(dateTimeText)", "date(earlyYear)", "date(text)", "date(day)", "date(integer)", "date(nothing)",
        "date(missing)", "date(null)")) {
      for (int round = 0; round < 2; round++) {
        assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, context))).as(expression)
            .isEqualTo(outcome(() -> stock.evaluateSimpleExpression(expression, context)));
      }
    }
    for (String test : List.of("\"BK_TINH\"", "\"Bằng khen\"", "\"\"", "true", "false", "\"CSTD_TINH\",\"BK_TINH\"",
        "\"A\", \"CSTD_TINH\" ,\"\"", "not(\"BK_TINH\")", "not(\"CSTD_TINH\",\"BK_TINH\")", "not( \"X\" )",
        "\"a,b\"", "not(\"BK_TINH\"", "\"BK_TINH\",", "not(\"BK_TINH\"),\"X\"", "< 2", "<= 2", "> 2",
        ">= 2", "<2", "< 1.5", ">= 0.75", "> -5", "< 0", "< date(\"2025-07-01\")", ">= date(\"2025-07-01\")",
        "<=date(\"2025-07-02\")", "> date( \"2025-06-30\" )", "< date(\"2025-02-30\")", ">= date(\"0999-12-31\")")) {
      for (String input : inputs.keySet()) {
        VariableContext cell = Variables.createVariables().putValue("cellInput", inputs.get(input))
            .asVariableContext();
        for (int round = 0; round < 2; round++) {
          assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(test, "cellInput", cell)))
              .as(test + " against " + input)
              .isEqualTo(outcome(() -> stock.evaluateSimpleUnaryTests(test, "cellInput", cell)));
        }
      }
    }
    assertThat(caching.shortcuts.get() - before).as("evaluations answered by a shortcut").isGreaterThan(100);
  }

  /** award-eligibility's forms, {@code date(receivedOn)} and {@code >= date("2025-07-01")}, take the shortcut. */
  @Test
  void theRegimeTablesDatesTakeTheShortcut() {
    long before = caching.shortcuts.get();
    Object received = caching.evaluateSimpleExpression("date(receivedOn)", variables);
    assertThat(received).isEqualTo(java.time.LocalDate.of(2025, 7, 1))
        .isEqualTo(stock.evaluateSimpleExpression("date(receivedOn)", variables));
    VariableContext cell = Variables.createVariables().putValue("cellInput", received).asVariableContext();
    assertThat(caching.evaluateSimpleUnaryTests(">= date(\"2025-07-01\")", "cellInput", cell)).isTrue();
    assertThat(caching.evaluateSimpleUnaryTests("< date(\"2025-07-01\")", "cellInput", cell)).isFalse();
    assertThat(caching.shortcuts.get() - before).as("evaluations answered by a shortcut").isEqualTo(3);
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
