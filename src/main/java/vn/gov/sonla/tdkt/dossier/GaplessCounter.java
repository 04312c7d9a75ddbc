package vn.gov.sonla.tdkt.dossier;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    ensureExists(name);
    int last = jdbc.sql("SELECT last_value FROM counter WHERE name = :name FOR UPDATE")
        .param("name", name)
        .query(Integer.class)
        .single();
    jdbc.sql("UPDATE counter SET last_value = :value WHERE name = :name")
        .param("value", last + 1)
        .param("name", name)
        .update();
    return last + 1;
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
