package vn.gov.sonla.tdkt.kernel;

import java.sql.DatabaseMetaData;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Gapless numbering (dossier codes, decision numbers). The counter's row is locked
 * ({@code SELECT … FOR UPDATE}) in the caller's transaction, so concurrent callers are serialised
 * and a rolled-back caller leaves no gap. A missing row is created in the same transaction without
 * failing on a concurrent creator: {@code ON CONFLICT DO NOTHING} on PostgreSQL (where a failed
 * statement would abort the transaction); on H2 a duplicate insert fails only its own statement.
 */
@Component
public class GaplessCounter {

  private final JdbcClient jdbc;
  private final boolean postgres;

  public GaplessCounter(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = jdbc;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
  }

  /** The next value of the named counter; must be called inside a transaction. */
  public int next(String name) {
    return reserve(name, 1);
  }

  /**
   * Reserves the next {@code count} values of the named counter (for several records of one transaction) and
   * returns the last of them; the first is {@code last - count + 1}. Must be called inside a transaction: the
   * counter's row stays locked until it ends. On PostgreSQL the row is locked and advanced by one statement
   * ({@code UPDATE … RETURNING}), so the lock is taken by the first round trip and a waiting caller is not
   * queued twice (first by the insert of a missing row, then by the lock).
   */
  public int reserve(String name, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    if (postgres) {
      Optional<Integer> last = advance(name, count);
      if (last.isEmpty()) {
        ensureExists(name);
        last = advance(name, count);
      }
      return last.orElseThrow(() -> new IllegalStateException("Counter " + name + " could not be created"));
    }
    ensureExists(name);
    int last = jdbc.sql("SELECT last_value FROM counter WHERE name = :name FOR UPDATE")
        .param("name", name)
        .query(Integer.class)
        .single();
    jdbc.sql("UPDATE counter SET last_value = :value WHERE name = :name")
        .param("value", last + count)
        .param("name", name)
        .update();
    return last + count;
  }

  private Optional<Integer> advance(String name, int count) {
    return jdbc.sql("UPDATE counter SET last_value = last_value + :count WHERE name = :name RETURNING last_value")
        .param("count", count)
        .param("name", name)
        .query(Integer.class)
        .optional();
  }

  private void ensureExists(String name) {
    if (postgres) {
      jdbc.sql("INSERT INTO counter (name, last_value) VALUES (:name, 0) ON CONFLICT (name) DO NOTHING")
          .param("name", name).update();
      return;
    }
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM counter WHERE name = :name")
        .param("name", name).query(Long.class).single() > 0;
    if (!exists) {
      try {
        jdbc.sql("INSERT INTO counter (name, last_value) VALUES (:name, 0)").param("name", name).update();
      } catch (DuplicateKeyException createdConcurrently) {
        // another transaction created it first
      }
    }
  }
}
