package vn.gov.sonla.tdkt.bloc;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The records of the emulation blocs (cụm, khối thi đua). */
public final class Bloc {

  private Bloc() {}

  /** CLUSTER: cụm thi đua; BLOC: khối thi đua. */
  public enum Kind { CLUSTER, BLOC }

  public record Info(String code, String name, Kind kind) {}

  public record Leadership(String blocCode, int year, String headUnit, String deputyUnit) {}

  public record Member(String blocCode, String unitCode, int yearFrom, Integer yearTo) {}

  public record Criterion(String code, int order, String name, BigDecimal maxPoints, BigDecimal weight) {}

  public record Scheme(String id, String blocCode, int year, String name, List<Criterion> criteria) {

    /** The criterion of the highest weight (the first in order among equal weights): the tie-break's second key. */
    public Criterion firstWeighted() {
      Criterion best = null;
      for (Criterion c : criteria) {
        if (best == null || c.weight().compareTo(best.weight()) > 0) {
          best = c;
        }
      }
      return best;
    }
  }

  public record Registration(int year, String unitCode, String commitments, List<String> targetTitles,
      OffsetDateTime registeredAt, String registeredBy) {}

  public record SelfAssessment(String blocCode, int year, String unitCode, String report, String evidence,
      Map<String, BigDecimal> points, int disciplineCases, OffsetDateTime submittedAt, String submittedBy) {}

  public record Score(String unitCode, String criterionCode, BigDecimal points, String scoredByUnit) {}

  public record Ranked(String unitCode, int rank, BigDecimal total, String tieBreak, OffsetDateTime publishedAt,
      String flagProposed, String dossierCode) {}
}
