package vn.gov.sonla.tdkt.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.gov.sonla.tdkt.award.RewardRoundingProperties;
import vn.gov.sonla.tdkt.calendar.CalendarDay;
import vn.gov.sonla.tdkt.calendar.CalendarDays;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;

/**
 * Each dated legal value row as shipped, on the day before and the day it takes effect (the coefficients and base
 * salaries are in award.RewardMoneyTest): every decision-table row that starts on a date ({@code >= date(...)})
 * is chosen from that day and not the day before; every rounding rule applies from its date; every holiday is a
 * day off and every make-up day a working day, while the weekday before a holiday stays a working day.
 */
class LegalValueEffectTest {

  private static final Pattern FROM = Pattern.compile(">=\\s*date\\(\"(\\d{4}-\\d{2}-\\d{2})\"\\)");
  private static final Pattern VARIABLE = Pattern.compile("date\\((\\w+)\\)");

  /** A decision table's rule that starts on a date: file, decision, rule, the date variable and the date. */
  record DatedRule(Path file, String decision, String rule, String variable, LocalDate from) {
    @Override
    public String toString() {
      return decision + "/" + rule + " from " + from;
    }
  }

  static Stream<DatedRule> datedRules() throws IOException {
    List<DatedRule> rules = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        DmnModelInstance model;
        try (InputStream in = new FileInputStream(p.toFile())) {
          model = Dmn.readModelFromStream(in);
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
          DecisionTable table = decision.getChildElementsByType(DecisionTable.class).stream().findFirst()
              .orElse(null);
          if (table == null) {
            continue;
          }
          List<Input> inputs = new ArrayList<>(table.getInputs());
          for (Rule rule : table.getRules()) {
            List<org.camunda.bpm.model.dmn.instance.InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            for (int i = 0; i < entries.size(); i++) {
              Matcher from = FROM.matcher(entries.get(i).getTextContent());
              Matcher variable = VARIABLE.matcher(inputs.get(i).getInputExpression().getTextContent());
              if (from.find() && variable.find()) {
                rules.add(new DatedRule(p, decision.getId(), rule.getId(), variable.group(1),
                    LocalDate.parse(from.group(1))));
              }
            }
          }
        }
      }
    }
    return rules.stream();
  }

  @Test
  void theDatedRowsIncludeBothRegimeTables() throws IOException {
    assertThat(datedRules().map(DatedRule::decision)).contains("award-eligibility-regime",
        "council-written-opinion");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datedRules")
  void aDatedDecisionRowIsChosenFromItsDateAndNotTheDayBefore(DatedRule row) throws IOException {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision decision;
    try (InputStream in = new FileInputStream(row.file().toFile())) {
      decision = engine.parseDecision(row.decision(), in);
    }
    assertThat(matched(engine, decision, row, row.from())).as("on %s", row.from()).contains(row.rule());
    assertThat(matched(engine, decision, row, row.from().minusDays(1))).as("on %s", row.from().minusDays(1))
        .doesNotContain(row.rule());
  }

  /** The rules whose outputs are the table's answer on the date (rules of a regime table differ in outputs). */
  private static List<String> matched(DmnEngine engine, DmnDecision decision, DatedRule row, LocalDate on)
      throws IOException {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
        Variables.createVariables().putValue(row.variable(), on.toString()));
    DmnModelInstance model;
    try (InputStream in = new FileInputStream(row.file().toFile())) {
      model = Dmn.readModelFromStream(in);
    }
    Decision d = model.getModelElementById(row.decision());
    DecisionTable table = d.getChildElementsByType(DecisionTable.class).iterator().next();
    List<String> names = table.getOutputs().stream().map(o -> o.getName()).toList();
    List<String> chosen = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      List<String> outputs = rule.getOutputEntries().stream().map(o -> unquote(o.getTextContent())).toList();
      for (Map<String, Object> entry : result.getResultList()) {
        boolean same = true;
        for (int i = 0; i < names.size(); i++) {
          same &= outputs.get(i).equals(String.valueOf(entry.get(names.get(i))));
        }
        if (same) {
          chosen.add(rule.getId());
        }
      }
    }
    return chosen;
  }

  private static String unquote(String expression) {
    String s = expression.strip();
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  static Stream<RewardRoundingProperties.Rule> roundingRules() {
    return LegalFixtures.rounding().rounding().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundingRules")
  void aRoundingRuleAppliesFromItsDate(RewardRoundingProperties.Rule rule) {
    RewardRoundingProperties rounding = LegalFixtures.rounding();
    assertThat(rounding.on(rule.from())).contains(rule);
    assertThat(rounding.on(rule.from().minusDays(1)).orElse(null)).isNotEqualTo(rule);
    // one đồng over a multiple of the step is rounded up to the next multiple from the rule's date
    BigDecimal amount = BigDecimal.valueOf(rule.step() * 379L + 1);
    assertThat(rounding.round(amount, rule.from())).isEqualTo(rule.step() * 380L);
    long before = rounding.on(rule.from().minusDays(1)).map(RewardRoundingProperties.Rule::step).orElse(1L);
    assertThat(rounding.round(amount, rule.from().minusDays(1)))
        .isEqualTo(amount.divide(BigDecimal.valueOf(before), 0, java.math.RoundingMode.CEILING).longValue() * before);
  }

  static Stream<Arguments> calendarDays() {
    CalendarDays days = new CalendarDays(LegalFixtures.migratedDatabase("legal-value-effect-days"));
    return days.all().stream().map(d -> Arguments.of(d.day(), d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calendarDays")
  void aHolidayIsADayOffAndAMakeUpDayAWorkingDay(LocalDate day, CalendarDay row) {
    CalendarDays days = new CalendarDays(LegalFixtures.migratedDatabase("legal-value-effect-calendar"));
    WorkingDayCalendar calendar = new WorkingDayCalendar(
        new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.of(17, 0), null, null), days);
    WorkingDayCalendar bare = new WorkingDayCalendar(
        new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.of(17, 0), null, null));
    LocalDate before = day.minusDays(1);
    // the day before is as the weekly rule says unless it is a row itself
    if (days.find(before).isEmpty()) {
      assertThat(calendar.isWorkingDay(before)).as("%s, the day before %s", before, row.name())
          .isEqualTo(bare.isWorkingDay(before));
    }
    if (row.kind() == CalendarDay.Kind.HOLIDAY) {
      assertThat(calendar.isWorkingDay(day)).as("%s %s", day, row.name()).isFalse();
    } else {
      assertThat(calendar.isWorkingDay(day)).as("%s %s", day, row.name()).isTrue();
      assertThat(bare.isWorkingDay(day)).as("a make-up day falls on a weekend").isFalse();
    }
  }
}
