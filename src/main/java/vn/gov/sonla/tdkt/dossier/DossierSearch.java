package vn.gov.sonla.tdkt.dossier;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.kernel.Page;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * The dossier search of auditors and the Department of Home Affairs: every filter is a bound
 * parameter; the order comes from a fixed list of columns ({@link Sort}), never from the request.
 */
@Repository
public class DossierSearch {

  /** The sortable fields of the API and their columns. */
  public enum Sort {
    SUBMITTED_AT("submittedAt", "submitted_at"),
    CODE("code", "code"),
    SUBJECT_NAME("subjectName", "subject_search"),
    STATUS("status", "status");

    private final String field;
    private final String column;

    Sort(String field, String column) {
      this.field = field;
      this.column = column;
    }

    public String field() {
      return field;
    }

    public static Sort ofField(String field) {
      for (Sort s : values()) {
        if (s.field.equals(field)) {
          return s;
        }
      }
      return null;
    }
  }

  /**
   * The filters; {@code null} means "any". {@code subject} is already folded
   * ({@link vn.gov.sonla.tdkt.kernel.VietnameseText#fold}); {@code submittedFrom} inclusive, {@code submittedBefore} exclusive.
   */
  public record Criteria(String subject, String unit, String awardType, AwardKind awardKind, Integer year,
      DossierStatus status, String decisionNumber, String appraiser, OffsetDateTime submittedFrom,
      OffsetDateTime submittedBefore, Sort sort, boolean ascending) {}

  /** A dossier found: the list form plus the decision number and the appraiser. */
  public record Item(String code, String unitCode, String awardType, AwardKind awardKind, int year,
      SubjectKind subjectKind, String subjectName, DossierStatus status, String statusLabel,
      OffsetDateTime createdAt, OffsetDateTime submittedAt, String decisionNumber, String appraiser) {}

  private final JdbcClient jdbc;

  public DossierSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page<Item> find(Criteria c, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (c.subject() != null) {
      where.append(" AND subject_search LIKE :subject ESCAPE '!'");
      params.put("subject", "%" + likeEscape(c.subject()) + "%");
    }
    equal(where, params, "unit_code", "unit", c.unit());
    equal(where, params, "award_type", "awardType", c.awardType());
    equal(where, params, "award_kind", "awardKind", c.awardKind() == null ? null : c.awardKind().name());
    equal(where, params, "award_year", "year", c.year());
    equal(where, params, "status", "status", c.status() == null ? null : c.status().name());
    equal(where, params, "decision_number", "decisionNumber", c.decisionNumber());
    equal(where, params, "appraiser", "appraiser", c.appraiser());
    if (c.submittedFrom() != null) {
      where.append(" AND submitted_at >= :from");
      params.put("from", c.submittedFrom());
    }
    if (c.submittedBefore() != null) {
      where.append(" AND submitted_at < :before");
      params.put("before", c.submittedBefore());
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM dossier" + where).params(params).query(Long.class).single();
    String direction = c.ascending() ? " ASC" : " DESC";
    // the column is the enum's constant, not request text; code breaks ties so that pages are stable
    String order = " ORDER BY " + c.sort().column + direction + " NULLS LAST"
        + (c.sort() == Sort.CODE ? "" : ", code" + direction);
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Item> items = jdbc.sql("SELECT " + DossierRepository.COLUMNS + ", decision_number, appraiser FROM dossier"
            + where + order + " LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, row) -> {
          Dossier d = DossierRepository.map(rs, row);
          return new Item(d.code(), d.unitCode(), d.awardType(), d.awardKind(), d.awardYear(), d.subjectKind(),
              d.subjectName(), d.status(), d.status().label(), d.createdAt(), d.submittedAt(),
              rs.getString("decision_number"), rs.getString("appraiser"));
        })
        .list();
    return new Page<>(items, page, size, total);
  }

  private static void equal(StringBuilder where, Map<String, Object> params, String column, String name,
      Object value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  /** LIKE wildcards in the search text match themselves ('!' is the escape character). */
  static String likeEscape(String text) {
    StringBuilder b = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (ch == '!' || ch == '%' || ch == '_') {
        b.append('!');
      }
      b.append(ch);
    }
    return b.toString();
  }
}
