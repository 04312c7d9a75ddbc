package vn.gov.sonla.tdkt.award;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.kernel.Page;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * Subjects of the register and their stable identity: an individual by name, date of birth and unit, or by
 * citizen ID where one was given (stored as an HMAC); a collective or household by name and unit.
 */
@Repository
public class Subjects {

  static final String COLUMNS = "id, kind, name, birth_date, unit_code, work_unit, position, role, citizen_id_hash";
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Clock clock;

  public Subjects(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * The subject the draft describes, created if new. A citizen ID finds the person whatever unit or spelling
   * the entry has; otherwise the identity key. A matching subject learns the citizen ID, role, position and
   * work unit it did not have.
   */
  public Subject resolve(SubjectDraft d) {
    Optional<Subject> found = Optional.empty();
    if (d.citizenIdHash() != null) {
      found = jdbc.sql("SELECT " + COLUMNS + " FROM subject WHERE citizen_id_hash = :h").param("h", d.citizenIdHash())
          .query(Subjects::map).optional();
    }
    if (found.isEmpty()) {
      found = byKey(d.identityKey());
      if (found.isPresent() && d.citizenIdHash() != null && found.get().hasCitizenId()) {
        // the same name, birth date and unit, another citizen ID: another person; kept apart, shown for review
        found = Optional.empty();
        return insert(d, d.identityKey() + "|" + d.citizenIdHash().substring(0, 12));
      }
    }
    if (found.isPresent()) {
      Subject s = found.get();
      jdbc.sql("UPDATE subject SET citizen_id_hash = COALESCE(citizen_id_hash, :h), role = COALESCE(:role, role),"
              + " position = COALESCE(:position, position), work_unit = COALESCE(:workUnit, work_unit) WHERE id = :id")
          .param("h", d.citizenIdHash()).param("role", d.role()).param("position", d.position())
          .param("workUnit", d.workUnit()).param("id", s.id()).update();
      return find(s.id()).orElseThrow();
    }
    return insert(d, d.identityKey());
  }

  private Subject insert(SubjectDraft d, String identityKey) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO subject (id, kind, name, name_search, birth_date, unit_code, work_unit, position, role,"
            + " identity_key, citizen_id_hash, created_at) VALUES (:id, :kind, :name, :search, :birth, :unit, :workUnit,"
            + " :position, :role, :key, :hash, :now)")
        .param("id", id).param("kind", d.kind().name()).param("name", d.name().strip())
        .param("search", VietnameseText.fold(d.name())).param("birth", d.birthDate()).param("unit", d.unitCode())
        .param("workUnit", d.workUnit()).param("position", d.position()).param("role", d.role())
        .param("key", identityKey).param("hash", d.citizenIdHash()).param("now", EngineClock.utc(clock))
        .update();
    return find(id).orElseThrow();
  }

  public Optional<Subject> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM subject WHERE id = :id").param("id", id).query(Subjects::map).optional();
  }

  public Optional<Subject> byKey(String identityKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM subject WHERE identity_key = :k").param("k", identityKey)
        .query(Subjects::map).optional();
  }

  /** Subject ids by identity key, for the keys that exist (batched). */
  public Map<String, String> idsByKey(Collection<String> keys) {
    return idsBy("identity_key", keys);
  }

  /** Subject ids by citizen ID hash, for the hashes that exist (batched). */
  public Map<String, String> idsByCitizenHash(Collection<String> hashes) {
    return idsBy("citizen_id_hash", hashes);
  }

  private Map<String, String> idsBy(String column, Collection<String> values) {
    Map<String, String> found = new HashMap<>();
    List<String> list = new ArrayList<>(values);
    for (int from = 0; from < list.size(); from += CHUNK) {
      List<String> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
      template.query("SELECT " + column + ", id FROM subject WHERE " + column + " IN ("
              + "?,".repeat(chunk.size() - 1) + "?)",
          rs -> {
            found.put(rs.getString(1), rs.getString(2));
          }, chunk.toArray());
    }
    return found;
  }

  /** New subjects in one JDBC batch: rows of {id, draft, identity key}. */
  public void insertBatch(List<Map.Entry<String, SubjectDraft>> rows) {
    OffsetDateTime now = EngineClock.utc(clock);
    template.batchUpdate("INSERT INTO subject (id, kind, name, name_search, birth_date, unit_code, work_unit, position,"
            + " role, identity_key, citizen_id_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000,
        (ps, row) -> {
          SubjectDraft d = row.getValue();
          ps.setString(1, row.getKey());
          ps.setString(2, d.kind().name());
          ps.setString(3, d.name().strip());
          ps.setString(4, VietnameseText.fold(d.name()));
          ps.setObject(5, d.birthDate());
          ps.setString(6, d.unitCode());
          ps.setString(7, d.workUnit());
          ps.setString(8, d.position());
          ps.setString(9, d.role());
          ps.setString(10, d.identityKey());
          ps.setString(11, d.citizenIdHash());
          ps.setObject(12, now);
        });
  }

  /** Accent-insensitive search by name ("nguyen van a" finds "Nguyễn Văn A"), optionally within units. */
  public Page<Subject> search(String q, List<String> units, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE name_search LIKE ? ESCAPE '\\'");
    List<Object> params = new ArrayList<>();
    String folded = VietnameseText.fold(q == null ? "" : q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    params.add("%" + folded + "%");
    if (units != null) {
      if (units.isEmpty()) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.append(" AND unit_code IN (").append("?,".repeat(units.size() - 1)).append("?)");
      params.addAll(units);
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM subject" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<Subject> items = jdbc.sql("SELECT " + COLUMNS + " FROM subject" + where
            + " ORDER BY name_search, birth_date, id LIMIT ? OFFSET ?")
        .params(pageParams).query(Subjects::map).list();
    return new Page<>(items, page, size, total);
  }

  /** A possible duplicate: two subjects of the same kind whose names fold alike, with why they look alike. */
  public record PossibleDuplicate(Subject first, Subject second, String reason) {}

  /**
   * Pairs worth a look: same kind and same folded name, and the same birth date (or one without), in another
   * unit or spelled with other diacritics. Pairs marked distinct are left out.
   */
  public List<PossibleDuplicate> possibleDuplicates(int limit) {
    List<String[]> pairs = jdbc.sql("SELECT a.id, b.id FROM subject a JOIN subject b ON a.name_search = b.name_search"
            + " AND a.kind = b.kind AND a.id < b.id"
            + " AND (a.birth_date = b.birth_date OR a.birth_date IS NULL OR b.birth_date IS NULL)"
            + " WHERE NOT EXISTS (SELECT 1 FROM subject_distinct x WHERE x.subject_a = a.id AND x.subject_b = b.id)"
            + " ORDER BY a.name_search, a.id, b.id LIMIT :limit")
        .param("limit", limit)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    List<PossibleDuplicate> result = new ArrayList<>();
    for (String[] pair : pairs) {
      Subject a = find(pair[0]).orElseThrow();
      Subject b = find(pair[1]).orElseThrow();
      List<String> reasons = new ArrayList<>();
      if (!a.name().equals(b.name())) {
        reasons.add("tên chỉ khác dấu hoặc chữ hoa (" + a.name() + " / " + b.name() + ")");
      }
      if (!a.unitCode().equals(b.unitCode())) {
        reasons.add("khác đơn vị (" + a.unitCode() + " / " + b.unitCode() + ")");
      }
      if (a.birthDate() == null || b.birthDate() == null) {
        reasons.add("một bản ghi thiếu ngày sinh");
      }
      if (a.hasCitizenId() && b.hasCitizenId()) {
        reasons.add("cả hai có số định danh (khác nhau)");
      }
      if (reasons.isEmpty()) {
        reasons.add("cùng tên, ngày sinh và đơn vị");
      }
      result.add(new PossibleDuplicate(a, b, "Cùng tên" + (a.birthDate() != null && b.birthDate() != null
          ? " và ngày sinh" : "") + "; " + String.join("; ", reasons) + "."));
    }
    return result;
  }

  public void markDistinct(String a, String b, String by) {
    String first = a.compareTo(b) < 0 ? a : b;
    String second = a.compareTo(b) < 0 ? b : a;
    if (jdbc.sql("SELECT COUNT(*) FROM subject_distinct WHERE subject_a = :a AND subject_b = :b")
        .param("a", first).param("b", second).query(Long.class).single() == 0) {
      jdbc.sql("INSERT INTO subject_distinct (subject_a, subject_b, decided_by, decided_at) VALUES (:a, :b, :by, :now)")
          .param("a", first).param("b", second).param("by", by).param("now", EngineClock.utc(clock)).update();
    }
  }

  /**
   * Merges {@code merged} into {@code kept}: its awards, ratings and initiatives move over (entries the kept
   * subject already has are dropped), its citizen ID is kept if the kept subject has none, and it is removed.
   */
  public void merge(String kept, String merged) {
    jdbc.sql("DELETE FROM award_record WHERE subject_id = :m AND EXISTS (SELECT 1 FROM award_record k"
            + " WHERE k.subject_id = :k AND k.award_type = award_record.award_type AND k.award_year = award_record.award_year"
            + " AND k.decision_number = award_record.decision_number)")
        .param("m", merged).param("k", kept).update();
    jdbc.sql("UPDATE award_record SET subject_id = :k WHERE subject_id = :m").param("m", merged).param("k", kept).update();
    jdbc.sql("DELETE FROM subject_rating WHERE subject_id = :m AND rating_year IN"
            + " (SELECT rating_year FROM subject_rating WHERE subject_id = :k)")
        .param("m", merged).param("k", kept).update();
    jdbc.sql("UPDATE subject_rating SET subject_id = :k WHERE subject_id = :m").param("m", merged).param("k", kept).update();
    jdbc.sql("UPDATE subject_initiative SET subject_id = :k WHERE subject_id = :m").param("m", merged).param("k", kept)
        .update();
    String hash = jdbc.sql("SELECT citizen_id_hash FROM subject WHERE id = :m").param("m", merged).query(String.class)
        .optional().orElse(null);
    jdbc.sql("DELETE FROM subject_distinct WHERE subject_a = :m OR subject_b = :m").param("m", merged).update();
    jdbc.sql("DELETE FROM subject WHERE id = :m").param("m", merged).update();
    if (hash != null) {
      jdbc.sql("UPDATE subject SET citizen_id_hash = COALESCE(citizen_id_hash, :h) WHERE id = :k")
          .param("h", hash).param("k", kept).update();
    }
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM subject").query(Long.class).single();
  }

  static Subject map(ResultSet rs, int row) throws SQLException {
    return new Subject(rs.getString("id"), rs.getString("kind"), rs.getString("name"),
        rs.getObject("birth_date", LocalDate.class), rs.getString("unit_code"), rs.getString("work_unit"),
        rs.getString("position"), rs.getString("role"), rs.getString("citizen_id_hash") != null);
  }

}
