package vn.gov.sonla.tdkt.identity;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes one start-up step run on one node of a cluster at a time: on PostgreSQL a transaction-scoped advisory
 * lock ({@code pg_advisory_xact_lock}), held until the caller's transaction ends, so that a node starting at the
 * same time as another waits for it, then finds its work done instead of failing on its rows. H2, the demo's
 * embedded database, serves one JVM only (the file is locked): nothing to serialise there.
 */
@Component
class StartupLock {

  private final JdbcClient jdbc;
  private final boolean postgres;

  StartupLock(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = jdbc;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
  }

  /** Waits for and takes the named lock, until the end of the current transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void acquire(String name) {
    if (postgres) {
      jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:name))").param("name", "tdkt/" + name)
          .query((rs, row) -> Boolean.TRUE).list();
    }
  }
}
