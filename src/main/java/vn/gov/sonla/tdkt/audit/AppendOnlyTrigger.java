package vn.gov.sonla.tdkt.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL trigger of {@code audit_record} (db/vendor/h2): every UPDATE
 * and DELETE of an audit record is refused.
 */
public class AppendOnlyTrigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("audit_record is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
        "42501");
  }
}
