package vn.gov.sonla.tdkt.load;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sonla.tdkt.audit.HistoryCloner;
import vn.gov.sonla.tdkt.award.SubjectKey;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * The finished dossiers of earlier years in {@code tdkt_load} ({@code -Dload.finished-dossiers}, default 100,000):
 * copies of dossiers this year's load runs drove through the whole pipeline (awarded by a batch decision), with
 * their engine history and the project's rows ({@link HistoryCloner}: set-based INSERT … SELECT on the server,
 * indexes rebuilt once), spread over the 50 units and the ten years before this one. Only what is missing is made,
 * so a database filled once is kept between runs. Test code: it writes the engine's history tables directly, which
 * the application never does; the application is stopped meanwhile (the audit chain is appended to).
 */
final class FinishedDossiers {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int YEARS = 10;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final int thisYear = Year.now(VN).getValue();

  FinishedDossiers(String url) {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** The finished dossiers of the years before this one. */
  int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE award_year < ?", Integer.class, thisYear);
  }

  /** This year's dossiers awarded by the load runs whose process ended: the templates (at most four). */
  List<HistoryCloner.Template> templates() {
    return jdbc.query("SELECT d.code, d.process_instance_id FROM dossier d JOIN act_hi_procinst p"
            + " ON p.id_ = d.process_instance_id WHERE d.status = 'AWARDED' AND p.end_time_ IS NOT NULL"
            + " AND d.award_year = ? ORDER BY d.code LIMIT 4",
        (rs, i) -> new HistoryCloner.Template(rs.getString(1), rs.getString(2)), thisYear);
  }

  /**
   * Makes {@code missing} copies of the templates in one transaction (a failed fill leaves the database as it was,
   * indexes included); the copy numbers go on after the {@code existing} ones.
   */
  void fill(List<HistoryCloner.Template> templates, int missing, int existing) {
    transaction.executeWithoutResult(tx -> copy(templates, missing, existing));
    jdbc.execute("ANALYZE");
  }

  private void copy(List<HistoryCloner.Template> templates, int missing, int existing) {
    long started = System.nanoTime();
    Map<String, Integer> codeSeq = new HashMap<>();
    jdbc.query("SELECT code FROM dossier", rs -> {
      String[] parts = rs.getString(1).split("-");
      codeSeq.merge(parts[0] + "-" + parts[1], Integer.parseInt(parts[parts.length - 1]), Math::max);
    });
    Map<Integer, Integer> decisionSeq = new HashMap<>();
    // decision numbers go on after the decisions' and after those the copies of earlier fills hold (a batch
    // decision's dossiers have no decision row of their own, so neither do their copies)
    jdbc.query("SELECT decision_year, MAX(seq) FROM decision GROUP BY decision_year",
        rs -> {
          decisionSeq.merge(rs.getInt(1), rs.getInt(2), Math::max);
        });
    for (String table : List.of("dossier", "award_record")) {
      jdbc.query("SELECT award_year, MAX(CAST(split_part(decision_number, '/', 1) AS INTEGER)) FROM " + table
          + " WHERE decision_number ~ '^[0-9]+/' GROUP BY award_year", rs -> {
            decisionSeq.merge(rs.getInt(1), rs.getInt(2), Math::max);
          });
    }
    Set<String> keys = new HashSet<>(jdbc.queryForList("SELECT subject_key || '|' || award_year FROM dossier",
        String.class));
    Random random = new Random(20_261_207L + existing);
    List<HistoryCloner.Copy> copies = new ArrayList<>(missing);
    for (int i = 0; i < missing; i++) {
      // ids of copy n derive from the template's and n: numbers never reused across fills
      int n = existing + i;
      HistoryCloner.Template t = templates.get(random.nextInt(templates.size()));
      String unit = unit(random.nextInt(50));
      int year = thisYear - 1 - (n % YEARS);
      int seq = codeSeq.merge(year + "-" + unit, 1, Integer::sum);
      String code = String.format(Locale.ROOT, "%d-%s-%04d", year, unit, seq);
      long shift = Duration.ofDays(365L * (year - thisYear) + random.nextInt(200) - 100).toMillis();
      String name;
      LocalDate born;
      String key;
      do {
        Dossiers.Request person = Dossiers.random(random.nextLong(), 0);
        name = person.subjectName();
        born = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(365 * 35));
        key = SubjectKey.of(SubjectKind.INDIVIDUAL, name, born, unit);
      } while (!keys.add(key + "|" + year));
      copies.add(new HistoryCloner.Copy(n, t, code, unit, year, shift, name, VietnameseText.fold(name), born, key,
          decisionSeq.merge(year, 1, Integer::sum)));
    }
    HistoryCloner cloner = new HistoryCloner(jdbc, line -> System.out.println("load: finished dossiers: " + line));
    cloner.cloneAll(copies, 5_000);
    long audit = cloner.chainAuditRecords(copies);
    cloner.dropWorkTable();
    System.out.printf(Locale.ROOT, "load: %d finished dossiers copied from %d templates (%d audit records) in %.0f s%n",
        missing, templates.size(), audit, (System.nanoTime() - started) / 1e9);
  }

  private static String unit(int i) {
    return i < LoadEnvironment.DEMO_OFFICERS.length
        ? LoadEnvironment.DEMO_OFFICERS[i].substring("officer.".length())
        : LoadEnvironment.unitCode(i - LoadEnvironment.DEMO_OFFICERS.length + 1);
  }
}
