package vn.gov.sonla.tdkt.award;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The award catalogue (tables award_type and award_reward, loaded by Flyway, edited by administrators). */
@Repository
public class AwardCatalog {

  private static final String COLUMNS =
      "code, name, level, category, subject_kinds, decider, legal_basis, active, sort_order";

  private final JdbcClient jdbc;

  public AwardCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<AwardType> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_type ORDER BY sort_order, code").query(AwardCatalog::map).list();
  }

  public Optional<AwardType> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM award_type WHERE code = :code")
        .param("code", code.strip())
        .query(AwardCatalog::map)
        .optional();
  }

  public AwardType get(String code) {
    return find(code).orElseThrow(() -> new IllegalStateException("Unknown award type " + code));
  }

  /**
   * The source of the catalogue's mark "published for opinions before the council" (orders and State honours),
   * if the type carries it; empty for an unknown or unmarked type.
   */
  public Optional<String> consultationBasis(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT consultation_basis FROM award_type WHERE code = :code AND consultation_required = TRUE")
        .param("code", code.strip())
        .query((rs, n) -> rs.getString(1) == null ? "" : rs.getString(1))
        .optional();
  }

  /** Marks the type as published for opinions before the council (with the mark's source), or unmarks it. */
  public void setConsultation(String code, boolean required, String basis) {
    jdbc.sql("UPDATE award_type SET consultation_required = :required, consultation_basis = :basis WHERE code = :code")
        .param("required", required).param("basis", required ? basis : null).param("code", code).update();
  }

  /** Inserts or replaces the type (its code is its identity). */
  public void save(AwardType t) {
    int updated = jdbc.sql("UPDATE award_type SET name = :name, level = :level, category = :category,"
            + " subject_kinds = :kinds, decider = :decider, legal_basis = :legal, active = :active, sort_order = :sort"
            + " WHERE code = :code")
        .params(params(t)).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO award_type (" + COLUMNS + ") VALUES (:code, :name, :level, :category, :kinds, :decider,"
          + " :legal, :active, :sort)").params(params(t)).update();
    }
  }

  /** Replaces the dated reward rows of a type. */
  public void replaceRewards(String code, List<AwardReward> rewards) {
    jdbc.sql("DELETE FROM award_reward WHERE award_type = :code").param("code", code).update();
    for (AwardReward r : rewards) {
      jdbc.sql("INSERT INTO award_reward (award_type, valid_from, individual_coeff, collective_coeff, household_coeff,"
              + " legal_basis) VALUES (:code, :from, :i, :c, :h, :basis)")
          .param("code", code).param("from", r.validFrom()).param("i", r.individual()).param("c", r.collective())
          .param("h", r.household()).param("basis", r.legalBasis()).update();
    }
  }

  /** Every dated reward row of a type, oldest first. */
  public List<AwardReward> rewards(String code) {
    return jdbc.sql("SELECT award_type, valid_from, individual_coeff, collective_coeff, household_coeff, legal_basis"
            + " FROM award_reward WHERE award_type = :code ORDER BY valid_from")
        .param("code", code)
        .query((rs, n) -> new AwardReward(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)))
        .list();
  }

  /** The reward row in force on the date. */
  public Optional<AwardReward> rewardOn(String code, LocalDate date) {
    return AwardReward.inForce(rewards(code), date);
  }

  private static java.util.Map<String, Object> params(AwardType t) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("code", t.code());
    p.put("name", t.name());
    p.put("level", t.level().name());
    p.put("category", t.category().name());
    p.put("kinds", String.join(",", t.subjectKinds()));
    p.put("decider", t.decider());
    p.put("legal", t.legalBasis());
    p.put("active", t.active());
    p.put("sort", t.sortOrder());
    return p;
  }

  private static AwardType map(ResultSet rs, int row) throws SQLException {
    return new AwardType(rs.getString("code"), rs.getString("name"), AwardLevel.valueOf(rs.getString("level")),
        AwardCategory.valueOf(rs.getString("category")),
        Arrays.stream(rs.getString("subject_kinds").split(",")).map(String::strip)
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        rs.getString("decider"), rs.getString("legal_basis"), rs.getBoolean("active"), rs.getInt("sort_order"));
  }
}
