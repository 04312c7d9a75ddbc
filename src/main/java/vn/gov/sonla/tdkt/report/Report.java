package vn.gov.sonla.tdkt.report;

import java.util.List;
import java.util.Map;

/**
 * The reports of {@code GET /api/reports}: dossier counts, awards granted, processing times. {@code year} null =
 * every year. Count maps are keyed by code (status, award type code, unit code, award kind, year); {@code labels}
 * gives the Vietnamese name of each code, per map.
 */
public record Report(Integer year, Dossiers dossiers, Awards awards, Processing processing,
    Map<String, Map<String, String>> labels, LateDossiers late) {

  /**
   * Dossiers past the whole procedure's time limit ({@code tdkt.deadlines.procedure-working-days} from a complete
   * dossier to the decision): still open (OVERDUE) or decided after it (LATE), most working days late first.
   * {@code total}: how many dossiers are late; {@code dossiers}: those of page {@code page} (0-based) of
   * {@code pageSize} in that order (the JSON report), or all of them (the exports: {@code page} 0, {@code pageSize}
   * = {@code total}).
   */
  public record LateDossiers(int workingDays, List<LateDossier> dossiers, long total, int page, int pageSize) {

    /** Page {@code page} (0-based) of {@code size} of these (all) late dossiers; past the last page: none. */
    public LateDossiers page(int page, int size) {
      int from = (int) Math.min((long) page * size, dossiers.size());
      int to = (int) Math.min((long) from + size, dossiers.size());
      return new LateDossiers(workingDays, List.copyOf(dossiers.subList(from, to)), total, page, size);
    }
  }

  public record LateDossier(String code, String unitCode, String awardType, String subjectName, String status,
      String statusLabel, java.time.OffsetDateTime completeAt, java.time.OffsetDateTime due, String dueText,
      java.time.OffsetDateTime endedAt, String state, String stateLabel, int workingDaysLate) {}

  /**
   * {@code byBloc}: per emulation cluster or bloc (code), the dossiers of the units that were its members in the
   * dossier's award year ({@link ReportService#NO_BLOC}: units in none that year).
   */
  public record Dossiers(long total, Map<String, Long> byStatus, Map<String, Long> byAwardType,
      Map<String, Long> byUnit, Map<String, Long> byBloc, Map<String, Long> byKind, Map<String, Long> byYear) {}

  public record YearLevel(int year, String level, long count) {}

  public record Awards(long total, List<YearLevel> byYearAndLevel, long collective, long individual,
      Priority priority) {}

  /**
   * Awards at provincial and State level to individuals (of whom direct workers and leaders) and collectives (of
   * which small collectives), by the role in the award register; shares in percent, null without individuals or
   * collectives. Individuals without a recorded role (old imports) count in neither share's numerator.
   */
  public record Priority(long individuals, long directWorkers, long leaders, long collectives, long smallCollectives,
      Double directWorkerShare, Double smallCollectiveShare) {}

  /**
   * One step's durations: {@code step} is the model's activity id and {@code label} its name; {@code deadline}
   * describes what "late" means for it, null where the step has no deadline of its own (then nothing counts late);
   * per appraiser (task assignee; the appraisal step only) and per unit (the dossier's unit_code).
   */
  public record Step(String step, String label, String deadline, DurationStats all,
      Map<String, DurationStats> byAppraiser, Map<String, DurationStats> byUnit) {}

  /** Each step of the pipeline in order (appraisal first), and the whole dossier from submission to its end. */
  public record Processing(List<Step> steps, Step total) {

    /** The step of this activity id. */
    public Step step(String activityId) {
      return steps.stream().filter(s -> s.step().equals(activityId)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No step " + activityId));
    }
  }
}
