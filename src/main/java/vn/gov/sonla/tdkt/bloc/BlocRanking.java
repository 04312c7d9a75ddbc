package vn.gov.sonla.tdkt.bloc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The bloc's ranking from the review meeting's scores: total = Σ points × weight; members are ordered pairwise
 * by DMN {@code bloc-tie-break} (higher total, then higher points on the highest-weighted criterion, then fewer
 * discipline cases, then the earlier self-assessment), the unit code last.
 */
@Component
public class BlocRanking {

  public static final String DECISION = "bloc-tie-break";

  /** One member's figures for the comparison. */
  public record Entry(String unitCode, BigDecimal total, BigDecimal firstCriterion, int disciplineCases,
      OffsetDateTime submittedAt) {}

  /** The outcome of comparing A with B. */
  public record Verdict(String winner, String rule) {}

  private final DecisionService decisions;

  public BlocRanking(DecisionService decisions) {
    this.decisions = decisions;
  }

  public static BigDecimal total(Bloc.Scheme scheme, Map<String, BigDecimal> points) {
    BigDecimal total = BigDecimal.ZERO;
    for (Bloc.Criterion c : scheme.criteria()) {
      total = total.add(points.getOrDefault(c.code(), BigDecimal.ZERO).multiply(c.weight()));
    }
    return total.setScale(2, RoundingMode.HALF_UP);
  }

  /** The entries of the members, from the scores and the self-assessments. */
  public static List<Entry> entries(Bloc.Scheme scheme, List<String> members, List<Bloc.Score> scores,
      List<Bloc.SelfAssessment> selfAssessments) {
    Map<String, Map<String, BigDecimal>> byUnit = scores.stream().collect(Collectors.groupingBy(Bloc.Score::unitCode,
        Collectors.toMap(Bloc.Score::criterionCode, Bloc.Score::points)));
    Map<String, Bloc.SelfAssessment> self = selfAssessments.stream()
        .collect(Collectors.toMap(Bloc.SelfAssessment::unitCode, Function.identity()));
    String first = scheme.firstWeighted().code();
    List<Entry> entries = new ArrayList<>();
    for (String unit : members) {
      Map<String, BigDecimal> points = byUnit.getOrDefault(unit, Map.of());
      Bloc.SelfAssessment s = self.get(unit);
      entries.add(new Entry(unit, total(scheme, points), points.getOrDefault(first, BigDecimal.ZERO),
          s == null ? 0 : s.disciplineCases(), s == null ? null : s.submittedAt()));
    }
    return entries;
  }

  public Verdict compare(Entry a, Entry b) {
    long submittedDiff = a.submittedAt() == null || b.submittedAt() == null ? 0
        : a.submittedAt().toInstant().toEpochMilli() - b.submittedAt().toInstant().toEpochMilli();
    Map<String, Object> vars = Variables.createVariables()
        .putValue("totalDiff", a.total().subtract(b.total()).doubleValue())
        .putValue("firstCriterionDiff", a.firstCriterion().subtract(b.firstCriterion()).doubleValue())
        .putValue("disciplineDiff", a.disciplineCases() - b.disciplineCases())
        .putValue("submittedDiff", submittedDiff);
    Map<String, Object> result = decisions.evaluateDecisionTableByKey(DECISION, vars).getSingleResult().getEntryMap();
    return new Verdict((String) result.get("winner"), (String) result.get("rule"));
  }

  /** Ranks the entries; each carries the rule that put it above the next unit when their totals are equal. */
  public List<Bloc.Ranked> rank(List<Entry> entries) {
    Comparator<Entry> order = (a, b) -> {
      Verdict v = compare(a, b);
      return switch (v.winner()) {
        case "A" -> -1;
        case "B" -> 1;
        default -> a.unitCode().compareTo(b.unitCode());
      };
    };
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(order);
    List<Bloc.Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i);
      String tie = null;
      if (i + 1 < sorted.size() && e.total().compareTo(sorted.get(i + 1).total()) == 0) {
        tie = compare(e, sorted.get(i + 1)).rule();
      }
      ranked.add(new Bloc.Ranked(e.unitCode(), i + 1, e.total(), tie, null, null, null));
    }
    return ranked;
  }

}
