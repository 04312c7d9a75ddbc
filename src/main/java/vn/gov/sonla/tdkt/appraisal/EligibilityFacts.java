package vn.gov.sonla.tdkt.appraisal;

import static org.camunda.spin.Spin.JSON;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.award.DeclaredFacts;
import vn.gov.sonla.tdkt.award.Initiative;
import vn.gov.sonla.tdkt.award.InitiativeScope;
import vn.gov.sonla.tdkt.award.Rating;
import vn.gov.sonla.tdkt.award.Subject;
import vn.gov.sonla.tdkt.award.SubjectKey;
import vn.gov.sonla.tdkt.award.SubjectRatingEntry;
import vn.gov.sonla.tdkt.award.Subjects;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;

/**
 * The facts the eligibility rules (award-criteria-*.dmn) judge, computed from the award register (unit titles,
 * yearly ratings, recognised initiatives, prior awards and their years) and from what the unit declared in the
 * dossier; and the subject's award history for the appraisal form. The rules themselves are in DMN.
 *
 * <p>Counting: streaks of years end at the dossier's year (a title or rating of that year included); years up
 * to the end of a discipline do not count (achievements count only from then); sudden and thematic awards do
 * not count as prior awards. A prior award counts from its latest grant before the dossier's year.
 */
@Component("eligibilityFacts")
public class EligibilityFacts implements JavaDelegate {

  public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Set<String> NOT_COUNTED = Set.of("SUDDEN", "THEMATIC");
  /** Not a DMN input: the years behind the facts, for the explanations (transient variable registerYears). */
  static final String REGISTER_YEARS = "registerYears";
  /** Facts that are process variables from the start (DossierService): set again only if they differ. */
  private static final Set<String> START_VARIABLES = Set.of("awardType", "awardKind", "subjectKind");

  private final DossierRepository dossiers;
  private final Subjects subjects;
  private final AwardRegister register;
  private final AwardCatalog catalog;

  private final Clock clock;

  public EligibilityFacts(DossierRepository dossiers, Subjects subjects, AwardRegister register, AwardCatalog catalog, Clock clock) {
    this.clock = clock;
    this.dossiers = dossiers;
    this.subjects = subjects;
    this.register = register;
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    Dossier dossier = dossiers.find(code).orElseThrow(() -> new org.camunda.bpm.engine.ProcessEngineException(
        "Không có hồ sơ " + code + ": hồ sơ phải được nộp qua trang nộp hồ sơ hoặc POST /api/dossiers."));
    // received when submitted; at the first evaluation the process is being started by the submission itself
    LocalDate receivedOn = dossier.submittedAt() != null ? dossier.submittedAt().atZoneSameInstant(VN).toLocalDate()
        : LocalDate.ofInstant(clock.instant(), VN);
    Optional<Subject> subject = subjects.byKey(SubjectKey.of(dossier.subjectKind(), dossier.subjectName(),
        dossier.subjectBirthDate(), dossier.unitCode()));
    Map<String, Object> facts = compute(subject.map(Subject::id).orElse(null), dossier.awardType(),
        dossier.awardKind().name(), dossier.subjectKind().name(), dossier.awardYear(),
        dossiers.declaredFacts(dossier.code()));
    Object registerYears = facts.remove(REGISTER_YEARS);
    facts.forEach((name, value) -> {
      if (START_VARIABLES.contains(name)) {
        if (!java.util.Objects.equals(execution.getVariable(name), value)) {
          execution.setVariable(name, value);
        }
      } else {
        setTransient(execution, name, value, value);
      }
    });
    execution.setVariable("receivedOn", receivedOn.toString());
    execution.setVariable("subjectId", subject.map(Subject::id).orElse(null));
    execution.setVariable("awardHistory", JSON(history(subject.map(Subject::id).orElse(null))));
    setTransient(execution, REGISTER_YEARS, registerYears, JSON(registerYears));
  }

  /**
   * The facts are for the rules that follow in this transaction (award-eligibility-regime, the criteria table and
   * its result mapping, no wait state between): transient variables, never stored; the criteria table's decision
   * history keeps what it saw, with its version (docs/adr/0009). An instance started before kept them as process
   * variables, which cannot turn transient: it goes on updating them ({@code persistent} is the value it stores).
   */
  private static void setTransient(DelegateExecution execution, String name, Object value, Object persistent) {
    TypedValue existing = execution.getVariableTyped(name, false);
    if (existing != null && !existing.isTransient()) {
      execution.setVariable(name, persistent);
    } else {
      execution.setVariable(name, Variables.untypedValue(value, true));
    }
  }

  /** The facts of one proposal, as DMN input variables. {@code subjectId} null: a subject without history. */
  public Map<String, Object> compute(String subjectId, String awardType, String awardKind, String subjectKind,
      int year, DeclaredFacts declared) {
    DeclaredFacts d = declared == null ? DeclaredFacts.NONE : declared;
    List<AwardRecord> awards = subjectId == null ? List.of() : register.history(subjectId);
    List<SubjectRatingEntry> ratings = subjectId == null ? List.of() : register.ratings(subjectId);
    List<Initiative> initiatives = subjectId == null ? List.of() : register.initiatives(subjectId);
    int cutoff = d.disciplineEndedOn() == null ? Integer.MIN_VALUE : d.disciplineEndedOn().getYear();

    Set<Integer> cstdcs = years(awards, "CSTD_CS", cutoff, year);
    Set<Integer> excellent = ratings.stream().filter(r -> r.rating() == Rating.EXCELLENT).map(SubjectRatingEntry::year)
        .filter(y -> y > cutoff).collect(Collectors.toSet());
    Set<Integer> good = ratings.stream().filter(r -> r.rating().goodOrBetter()).map(SubjectRatingEntry::year)
        .filter(y -> y > cutoff).collect(Collectors.toSet());

    Map<String, Object> f = new LinkedHashMap<>();
    f.put("awardType", awardType);
    f.put("awardKind", awardKind);
    f.put("subjectKind", subjectKind);
    f.put("proceedingsPending", Boolean.TRUE.equals(d.proceedingsPending()));
    int cstdcsYears = streak(cstdcs, year, Integer.MIN_VALUE);
    f.put("cstdcsYears", cstdcsYears);
    f.put("excellentYears", streak(excellent, year, Integer.MIN_VALUE));
    f.put("initiativesLast2Years", (int) initiatives.stream()
        .filter(i -> i.year() > cutoff && i.year() >= year - 1 && i.year() <= year).count());
    f.put("provincialInitiatives", (int) initiatives.stream()
        .filter(i -> i.year() > cutoff && i.year() >= year - 2 && i.year() <= year)
        .filter(i -> i.scope().atLeast(InitiativeScope.PROVINCIAL)).count());
    f.put("cstdTinhTimes", consecutiveCycles(years(countable(awards), "CSTD_TINH", cutoff, year), year));
    f.put("nationalInitiatives", (int) initiatives.stream()
        .filter(i -> i.year() > cutoff && i.year() >= year - 5 && i.year() <= year)
        .filter(i -> i.scope() == InitiativeScope.NATIONAL).count());
    f.put("excellentThisYear", excellent.contains(year));
    Integer members = d.memberCount();
    f.put("allMembersCompleted", members != null && members.equals(d.membersCompletingTasks()));
    f.put("advancedWorkerShare", members == null || members == 0 || d.advancedWorkerMembers() == null ? 0.0
        : d.advancedWorkerMembers() / (double) members);
    f.put("emulationFighterMembers", d.emulationFighterMembers() == null ? 0 : d.emulationFighterMembers());
    f.put("membersDisciplined", d.membersDisciplined() == null ? 0 : d.membersDisciplined());
    f.put("blocLeader", Boolean.TRUE.equals(d.blocLeader()));
    f.put("coTinhThisYear", years(countable(awards), "CO_TINH", Integer.MIN_VALUE, year).contains(year));
    f.put(REGISTER_YEARS, registerYears(awards, ratings, cutoff));
    prior(f, "BkTinh", countable(awards), "BK_TINH", year, good, excellent, cstdcs);
    prior(f, "BkTtg", countable(awards), "BK_TTG", year, good, excellent, cstdcs);
    return f;
  }

  /**
   * The years the register holds per series, for the explanations of unmet criteria ({@link EligibilityExplanation}):
   * CSTD_CS (Chiến sĩ thi đua cơ sở), EXCELLENT and GOOD (yearly ratings), counted as the rules count them.
   */
  private static Map<String, List<Integer>> registerYears(List<AwardRecord> awards, List<SubjectRatingEntry> ratings,
      int cutoff) {
    Map<String, List<Integer>> years = new LinkedHashMap<>();
    years.put("CSTD_CS", new TreeSet<>(years(awards, "CSTD_CS", cutoff, Integer.MAX_VALUE)).stream().toList());
    years.put("EXCELLENT", ratings.stream().filter(r -> r.rating() == Rating.EXCELLENT).map(SubjectRatingEntry::year)
        .filter(y -> y > cutoff).sorted().distinct().toList());
    years.put("GOOD", ratings.stream().filter(r -> r.rating().goodOrBetter()).map(SubjectRatingEntry::year)
        .filter(y -> y > cutoff).sorted().distinct().toList());
    return years;
  }

  /**
   * Facts about a prior award: whether it was granted before the dossier's year, the good-or-better years in a
   * row since its latest grant (ending at the dossier's year), and the excellent years and CSTĐ cơ sở titles
   * among them.
   */
  private static void prior(Map<String, Object> f, String name, List<AwardRecord> awards, String type, int year,
      Set<Integer> good, Set<Integer> excellent, Set<Integer> cstdcs) {
    TreeSet<Integer> granted = awards.stream().filter(a -> a.awardType().equals(type) && a.awardYear() < year)
        .map(AwardRecord::awardYear).collect(Collectors.toCollection(TreeSet::new));
    f.put("has" + name, !granted.isEmpty());
    int since = granted.isEmpty() ? year : granted.last();
    int goodYears = granted.isEmpty() ? 0 : streak(good, year, since);
    f.put("goodYearsAfter" + name, goodYears);
    int from = year - goodYears + 1;
    f.put("excellentYearsAfter" + name, (int) excellent.stream().filter(y -> y >= from && y <= year).count());
    f.put("cstdcsAfter" + name, (int) cstdcs.stream().filter(y -> y >= from && y <= year).count());
  }

  /** Consecutive years in the set ending at {@code end}, counting only years after {@code after}. */
  static int streak(Set<Integer> years, int end, int after) {
    int n = 0;
    for (int y = end; y > after && years.contains(y); y--) {
      n++;
    }
    return n;
  }

  /**
   * Consecutive grants of a three-year title (Chiến sĩ thi đua cấp tỉnh): the latest within the last three years,
   * and each earlier one at most three years before the next.
   */
  static int consecutiveCycles(Set<Integer> years, int year) {
    List<Integer> desc = new ArrayList<>(new TreeSet<>(years).descendingSet());
    if (desc.isEmpty() || desc.get(0) < year - 3) {
      return 0;
    }
    int n = 1;
    for (int i = 1; i < desc.size() && desc.get(i - 1) - desc.get(i) <= 3; i++) {
      n++;
    }
    return n;
  }

  private static Set<Integer> years(List<AwardRecord> awards, String type, int cutoff, int upTo) {
    return awards.stream().filter(a -> a.awardType().equals(type) && a.awardYear() > cutoff && a.awardYear() <= upTo)
        .map(AwardRecord::awardYear).collect(Collectors.toSet());
  }

  private static List<AwardRecord> countable(List<AwardRecord> awards) {
    return awards.stream().filter(a -> !NOT_COUNTED.contains(a.awardKind())).toList();
  }

  /** The subject's history for the appraisal form: awards and titles, ratings, initiatives, newest first. */
  public Map<String, Object> history(String subjectId) {
    Map<String, Object> h = new LinkedHashMap<>();
    List<Map<String, Object>> awards = new ArrayList<>();
    List<Map<String, Object>> ratings = new ArrayList<>();
    List<Map<String, Object>> initiatives = new ArrayList<>();
    if (subjectId != null) {
      for (AwardRecord a : register.history(subjectId)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", a.awardYear());
        m.put("awardType", a.awardType());
        m.put("awardName", catalog.find(a.awardType()).map(AwardType::name).orElse(a.awardType()));
        m.put("awardKind", a.awardKind());
        m.put("counted", !NOT_COUNTED.contains(a.awardKind()));
        m.put("decisionNumber", a.decisionNumber());
        m.put("decisionDate", a.decisionDate() == null ? null : a.decisionDate().toString());
        m.put("decidedBy", a.decidedBy());
        awards.add(m);
      }
      for (SubjectRatingEntry r : register.ratings(subjectId)) {
        ratings.add(Map.of("year", r.year(), "rating", r.rating().name(), "label", r.rating().label()));
      }
      for (Initiative i : register.initiatives(subjectId)) {
        initiatives.add(Map.of("year", i.year(), "title", i.title(), "scope", i.scope().name(),
            "scopeLabel", i.scope().label()));
      }
    }
    h.put("awards", awards);
    h.put("ratings", ratings);
    h.put("initiatives", initiatives);
    return h;
  }
}
