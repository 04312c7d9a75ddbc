package vn.gov.sonla.tdkt.dossier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gapless numbering (dossier codes, decision numbers). The counter's row is locked
 * ({@code SELECT … FOR UPDATE}) in the caller's transaction, so concurrent callers are serialised
 * and a rolled-back caller leaves no gap. Missing rows are created in a short transaction of their
 * own, so that creating one never aborts the caller's transaction on PostgreSQL.
 */
@Component
public class GaplessCounter {

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;

  public GaplessCounter(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM counter WHERE name = :name")
        .param("name", name).query(Long.class).single() > 0;
    if (exists) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(status -> jdbc
          .sql("INSERT INTO counter (name, last_value) VALUES (:name, 0)")
          .param("name", name)
          .update());
    } catch (DuplicateKeyException createdConcurrently) {
      // another transaction created it first: fine
    }
  }
}
