package vn.gov.sonla.tdkt.award;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The award catalogue (table award_type, loaded by Flyway). */
@Repository
public class AwardCatalog {

  private final JdbcClient jdbc;

  public AwardCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<AwardType> all() {
    return jdbc.sql("SELECT code, name, level, subject_kinds, legal_basis FROM award_type ORDER BY level, code")
        .query((rs, row) -> map(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();
  }

  public Optional<AwardType> find(String code) {
    return jdbc.sql("SELECT code, name, level, subject_kinds, legal_basis FROM award_type WHERE code = :code")
        .param("code", code)
        .query((rs, row) -> map(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .optional();
  }

  public AwardType get(String code) {
    return find(code).orElseThrow(() -> new IllegalStateException("Unknown award type " + code));
  }

  private static AwardType map(String code, String name, String level, String kinds, String legal) {
    return new AwardType(code, name, AwardLevel.valueOf(level),
        Arrays.stream(kinds.split(",")).map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new)),
        legal);
  }
}
