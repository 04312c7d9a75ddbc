package vn.gov.sonla.tdkt.bloc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bloc tables of V11. */
@Repository
public class BlocRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final JdbcClient jdbc;

  public BlocRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- blocs, members, leadership

  public Optional<Bloc.Info> find(String code) {
    return jdbc.sql("SELECT code, name, kind FROM bloc WHERE code = :code").param("code", code)
        .query((rs, i) -> new Bloc.Info(rs.getString(1), rs.getString(2), Bloc.Kind.valueOf(rs.getString(3))))
        .optional();
  }

  public List<Bloc.Info> all() {
    return jdbc.sql("SELECT code, name, kind FROM bloc ORDER BY code")
        .query((rs, i) -> new Bloc.Info(rs.getString(1), rs.getString(2), Bloc.Kind.valueOf(rs.getString(3)))).list();
  }

  public void upsert(Bloc.Info bloc, OffsetDateTime now) {
    int updated = jdbc.sql("UPDATE bloc SET name = :name, kind = :kind WHERE code = :code")
        .param("name", bloc.name()).param("kind", bloc.kind().name()).param("code", bloc.code()).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO bloc (code, name, kind, created_at) VALUES (:code, :name, :kind, :at)")
          .param("code", bloc.code()).param("name", bloc.name()).param("kind", bloc.kind().name()).param("at", now)
          .update();
    }
  }

  /** The blocs taking part in the year: those with members and a head and deputy for the year. */
  public List<Bloc.Info> active(int year) {
    return all().stream().filter(b -> leadership(b.code(), year).isPresent() && !members(b.code(), year).isEmpty())
        .toList();
  }

  /** Members of the bloc in the year. */
  public List<String> members(String blocCode, int year) {
    return jdbc.sql("SELECT unit_code FROM bloc_member WHERE bloc_code = :bloc AND year_from <= :year"
            + " AND (year_to IS NULL OR year_to >= :year) ORDER BY unit_code")
        .param("bloc", blocCode).param("year", year).query(String.class).list();
  }

  public List<Bloc.Member> memberHistory(String blocCode) {
    return jdbc.sql("SELECT bloc_code, unit_code, year_from, year_to FROM bloc_member WHERE bloc_code = :bloc"
            + " ORDER BY unit_code, year_from")
        .param("bloc", blocCode)
        .query((rs, i) -> new Bloc.Member(rs.getString(1), rs.getString(2), rs.getInt(3),
            (Integer) rs.getObject(4, Integer.class))).list();
  }

  /** The bloc a unit belongs to in the year, if any. */
  public Optional<String> blocOf(String unitCode, int year) {
    return jdbc.sql("SELECT bloc_code FROM bloc_member WHERE unit_code = :unit AND year_from <= :year"
            + " AND (year_to IS NULL OR year_to >= :year) ORDER BY bloc_code")
        .param("unit", unitCode).param("year", year).query(String.class).list().stream().findFirst();
  }

  /**
   * Makes the units the bloc's members from the year on: a unit already a member stays; a member of another bloc
   * leaves that bloc at the end of the year before; a member missing from the list leaves this bloc likewise.
   */
  public void setMembers(String blocCode, int year, List<String> units) {
    for (String unit : units) {
      jdbc.sql("UPDATE bloc_member SET year_to = :before WHERE unit_code = :unit AND bloc_code <> :bloc"
              + " AND (year_to IS NULL OR year_to >= :year) AND year_from < :year")
          .param("before", year - 1).param("unit", unit).param("bloc", blocCode).param("year", year).update();
      jdbc.sql("DELETE FROM bloc_member WHERE unit_code = :unit AND bloc_code <> :bloc AND year_from >= :year")
          .param("unit", unit).param("bloc", blocCode).param("year", year).update();
      if (!members(blocCode, year).contains(unit)) {
        jdbc.sql("INSERT INTO bloc_member (bloc_code, unit_code, year_from, year_to) VALUES (:bloc, :unit, :year, NULL)")
            .param("bloc", blocCode).param("unit", unit).param("year", year).update();
      }
    }
    for (String old : members(blocCode, year)) {
      if (!units.contains(old)) {
        jdbc.sql("UPDATE bloc_member SET year_to = :before WHERE bloc_code = :bloc AND unit_code = :unit"
                + " AND year_from < :year AND (year_to IS NULL OR year_to >= :year)")
            .param("before", year - 1).param("bloc", blocCode).param("unit", old).param("year", year).update();
        jdbc.sql("DELETE FROM bloc_member WHERE bloc_code = :bloc AND unit_code = :unit AND year_from >= :year")
            .param("bloc", blocCode).param("unit", old).param("year", year).update();
      }
    }
  }

  public Optional<Bloc.Leadership> leadership(String blocCode, int year) {
    return jdbc.sql("SELECT bloc_code, bloc_year, head_unit, deputy_unit FROM bloc_leadership"
            + " WHERE bloc_code = :bloc AND bloc_year = :year")
        .param("bloc", blocCode).param("year", year)
        .query((rs, i) -> new Bloc.Leadership(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  public List<Bloc.Leadership> leadershipHistory(String blocCode) {
    return jdbc.sql("SELECT bloc_code, bloc_year, head_unit, deputy_unit FROM bloc_leadership"
            + " WHERE bloc_code = :bloc ORDER BY bloc_year")
        .param("bloc", blocCode)
        .query((rs, i) -> new Bloc.Leadership(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
  }

  public void setLeadership(Bloc.Leadership l) {
    jdbc.sql("DELETE FROM bloc_leadership WHERE bloc_code = :bloc AND bloc_year = :year")
        .param("bloc", l.blocCode()).param("year", l.year()).update();
    jdbc.sql("INSERT INTO bloc_leadership (bloc_code, bloc_year, head_unit, deputy_unit) VALUES (:bloc, :year, :head, :deputy)")
        .param("bloc", l.blocCode()).param("year", l.year()).param("head", l.headUnit()).param("deputy", l.deputyUnit())
        .update();
  }

  // --- registration

  public Optional<Bloc.Registration> registration(int year, String unit) {
    return jdbc.sql("SELECT bloc_year, unit_code, commitments, target_titles, registered_at, registered_by"
            + " FROM bloc_registration WHERE bloc_year = :year AND unit_code = :unit")
        .param("year", year).param("unit", unit).query((rs, i) -> registration(rs)).optional();
  }

  public List<Bloc.Registration> registrations(int year) {
    return jdbc.sql("SELECT bloc_year, unit_code, commitments, target_titles, registered_at, registered_by"
            + " FROM bloc_registration WHERE bloc_year = :year ORDER BY unit_code")
        .param("year", year).query((rs, i) -> registration(rs)).list();
  }

  private static Bloc.Registration registration(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Bloc.Registration(rs.getInt(1), rs.getString(2), rs.getString(3),
        Arrays.stream(rs.getString(4).split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getObject(5, OffsetDateTime.class), rs.getString(6));
  }

  public void saveRegistration(Bloc.Registration r) {
    jdbc.sql("DELETE FROM bloc_registration WHERE bloc_year = :year AND unit_code = :unit")
        .param("year", r.year()).param("unit", r.unitCode()).update();
    jdbc.sql("INSERT INTO bloc_registration (bloc_year, unit_code, commitments, target_titles, registered_at, registered_by)"
            + " VALUES (:year, :unit, :commitments, :titles, :at, :by)")
        .param("year", r.year()).param("unit", r.unitCode()).param("commitments", r.commitments())
        .param("titles", String.join(",", r.targetTitles())).param("at", r.registeredAt()).param("by", r.registeredBy())
        .update();
  }

  public Map<String, OffsetDateTime> reminders(int year) {
    Map<String, OffsetDateTime> out = new LinkedHashMap<>();
    jdbc.sql("SELECT unit_code, reminded_at FROM bloc_registration_reminder WHERE bloc_year = :year ORDER BY unit_code")
        .param("year", year).query((rs, i) -> out.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list();
    return out;
  }

  public void remind(int year, String unit, OffsetDateTime at) {
    jdbc.sql("DELETE FROM bloc_registration_reminder WHERE bloc_year = :year AND unit_code = :unit")
        .param("year", year).param("unit", unit).update();
    jdbc.sql("INSERT INTO bloc_registration_reminder (bloc_year, unit_code, reminded_at) VALUES (:year, :unit, :at)")
        .param("year", year).param("unit", unit).param("at", at).update();
  }

  // --- scoring schemes

  /** The bloc's scheme for the year, or the default scheme. */
  public Bloc.Scheme scheme(String blocCode, int year) {
    Optional<String[]> own = jdbc.sql("SELECT id, name FROM scoring_scheme WHERE bloc_code = :bloc AND bloc_year = :year")
        .param("bloc", blocCode).param("year", year).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
        .optional();
    String[] row = own.orElseGet(() -> jdbc.sql("SELECT id, name FROM scoring_scheme WHERE bloc_code IS NULL")
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single());
    List<Bloc.Criterion> criteria = jdbc.sql("SELECT code, sort_order, name, max_points, weight FROM scoring_criterion"
            + " WHERE scheme_id = :id ORDER BY sort_order")
        .param("id", row[0])
        .query((rs, i) -> new Bloc.Criterion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5))).list();
    return new Bloc.Scheme(row[0], own.isPresent() ? blocCode : null, own.isPresent() ? year : 0, row[1], criteria);
  }

  public void saveScheme(String blocCode, int year, String name, List<Bloc.Criterion> criteria) {
    jdbc.sql("SELECT id FROM scoring_scheme WHERE bloc_code = :bloc AND bloc_year = :year")
        .param("bloc", blocCode).param("year", year).query(String.class).optional().ifPresent(id -> {
          jdbc.sql("DELETE FROM scoring_criterion WHERE scheme_id = :id").param("id", id).update();
          jdbc.sql("DELETE FROM scoring_scheme WHERE id = :id").param("id", id).update();
        });
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO scoring_scheme (id, bloc_code, bloc_year, name) VALUES (:id, :bloc, :year, :name)")
        .param("id", id).param("bloc", blocCode).param("year", year).param("name", name).update();
    for (Bloc.Criterion c : criteria) {
      jdbc.sql("INSERT INTO scoring_criterion (scheme_id, code, sort_order, name, max_points, weight)"
              + " VALUES (:id, :code, :order, :name, :max, :weight)")
          .param("id", id).param("code", c.code()).param("order", c.order()).param("name", c.name())
          .param("max", c.maxPoints()).param("weight", c.weight()).update();
    }
  }

  // --- self-assessments and scores

  public Optional<Bloc.SelfAssessment> selfAssessment(String blocCode, int year, String unit) {
    return selfAssessments(blocCode, year).stream().filter(s -> s.unitCode().equals(unit)).findFirst();
  }

  public List<Bloc.SelfAssessment> selfAssessments(String blocCode, int year) {
    return jdbc.sql("SELECT bloc_code, bloc_year, unit_code, report, evidence, points_json, discipline_cases,"
            + " submitted_at, submitted_by FROM self_assessment WHERE bloc_code = :bloc AND bloc_year = :year"
            + " ORDER BY unit_code")
        .param("bloc", blocCode).param("year", year)
        .query((rs, i) -> new Bloc.SelfAssessment(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5), readPoints(rs.getString(6)), rs.getInt(7), rs.getObject(8, OffsetDateTime.class),
            rs.getString(9))).list();
  }

  public void saveSelfAssessment(Bloc.SelfAssessment s) {
    jdbc.sql("DELETE FROM self_assessment WHERE bloc_code = :bloc AND bloc_year = :year AND unit_code = :unit")
        .param("bloc", s.blocCode()).param("year", s.year()).param("unit", s.unitCode()).update();
    jdbc.sql("INSERT INTO self_assessment (bloc_code, bloc_year, unit_code, report, evidence, points_json,"
            + " discipline_cases, submitted_at, submitted_by) VALUES (:bloc, :year, :unit, :report, :evidence, :points,"
            + " :discipline, :at, :by)")
        .param("bloc", s.blocCode()).param("year", s.year()).param("unit", s.unitCode()).param("report", s.report())
        .param("evidence", s.evidence()).param("points", writePoints(s.points()))
        .param("discipline", s.disciplineCases()).param("at", s.submittedAt()).param("by", s.submittedBy()).update();
  }

  public List<Bloc.Score> scores(String blocCode, int year) {
    return jdbc.sql("SELECT unit_code, criterion_code, points, scored_by_unit FROM bloc_score"
            + " WHERE bloc_code = :bloc AND bloc_year = :year ORDER BY unit_code, criterion_code")
        .param("bloc", blocCode).param("year", year)
        .query((rs, i) -> new Bloc.Score(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4)))
        .list();
  }

  public void saveScores(String blocCode, int year, String unit, Map<String, BigDecimal> points, String byUnit,
      String byUser, OffsetDateTime at) {
    jdbc.sql("DELETE FROM bloc_score WHERE bloc_code = :bloc AND bloc_year = :year AND unit_code = :unit")
        .param("bloc", blocCode).param("year", year).param("unit", unit).update();
    points.forEach((criterion, value) -> jdbc.sql("INSERT INTO bloc_score (bloc_code, bloc_year, unit_code,"
            + " criterion_code, points, scored_by_unit, scored_by, scored_at) VALUES (:bloc, :year, :unit, :criterion,"
            + " :points, :byUnit, :by, :at)")
        .param("bloc", blocCode).param("year", year).param("unit", unit).param("criterion", criterion)
        .param("points", value).param("byUnit", byUnit).param("by", byUser).param("at", at).update());
  }

  // --- ranking

  public List<Bloc.Ranked> ranking(String blocCode, int year) {
    return jdbc.sql("SELECT unit_code, rank_no, total, tie_break, published_at, flag_proposed, dossier_code"
            + " FROM bloc_ranking WHERE bloc_code = :bloc AND bloc_year = :year ORDER BY rank_no")
        .param("bloc", blocCode).param("year", year)
        .query((rs, i) -> new Bloc.Ranked(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7))).list();
  }

  public void saveRanking(String blocCode, int year, List<Bloc.Ranked> ranking) {
    jdbc.sql("DELETE FROM bloc_ranking WHERE bloc_code = :bloc AND bloc_year = :year")
        .param("bloc", blocCode).param("year", year).update();
    for (Bloc.Ranked r : ranking) {
      jdbc.sql("INSERT INTO bloc_ranking (bloc_code, bloc_year, unit_code, rank_no, total, tie_break)"
              + " VALUES (:bloc, :year, :unit, :rank, :total, :tie)")
          .param("bloc", blocCode).param("year", year).param("unit", r.unitCode()).param("rank", r.rank())
          .param("total", r.total()).param("tie", r.tieBreak()).update();
    }
  }

  public void publishRanking(String blocCode, int year, OffsetDateTime at) {
    jdbc.sql("UPDATE bloc_ranking SET published_at = :at WHERE bloc_code = :bloc AND bloc_year = :year")
        .param("at", at).param("bloc", blocCode).param("year", year).update();
  }

  public void markFlag(String blocCode, int year, String unit, String flag, String dossierCode) {
    jdbc.sql("UPDATE bloc_ranking SET flag_proposed = :flag, dossier_code = :dossier WHERE bloc_code = :bloc"
            + " AND bloc_year = :year AND unit_code = :unit")
        .param("flag", flag).param("dossier", dossierCode).param("bloc", blocCode).param("year", year)
        .param("unit", unit).update();
  }

  static Map<String, BigDecimal> readPoints(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, BigDecimal>>() {});
    } catch (Exception e) {
      throw new IllegalStateException("Bad points " + json, e);
    }
  }

  static String writePoints(Map<String, BigDecimal> points) {
    try {
      return JSON.writeValueAsString(points);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
