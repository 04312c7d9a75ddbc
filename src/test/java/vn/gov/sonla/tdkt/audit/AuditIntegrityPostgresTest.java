package vn.gov.sonla.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.PostgresAppTest;

/**
 * Integrity of the audit trail on the real PostgreSQL server: the database refuses to change or
 * delete records, and a record changed behind its back (trigger disabled by a superuser) is found by
 * {@code GET /api/audit/verify}.
 */
@PostgresAppTest
class AuditIntegrityPostgresTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired AuditLog audit;


  @Test
  void theDatabaseRefusesChangesAndVerifyFindsTheFirstTamperedRecord() {
    Api api = new Api(rest);
    assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    String first = AuditLogTest.submitAndAppraise(api, "Lò Thị Thanh");
    AuditLogTest.submitAndAppraise(api, "Tòng Văn Sơn");
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
    assertThat(total).isGreaterThanOrEqualTo(10);
    assertThat(api.get("auditor", "/api/audit/verify").getBody().get("ok").asBoolean()).isTrue();

    // the application's own connection (a superuser here) cannot change or remove a record
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET actor = 'x'"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_record is append-only: UPDATE");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_record is append-only: DELETE");
    assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_record"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_record is append-only: TRUNCATE");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE actor = 'x'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(total);

    // a superuser switches the trigger off in one transaction and rewrites a record of the first dossier
    List<AuditRecord> records = audit.forDossier(first);
    AuditRecord target = records.get(2);
    assertThat(target.kind()).isEqualTo("STATUS_CHANGED");
    transaction.executeWithoutResult(tx -> {
      jdbc.execute("ALTER TABLE audit_record DISABLE TRIGGER ALL");
      jdbc.update("UPDATE audit_record SET detail = ? WHERE seq = ?",
          target.detail().replace("SUBMITTED", "AWARDED"), target.seq());
      jdbc.execute("ALTER TABLE audit_record ENABLE TRIGGER ALL");
    });
    assertThat(jdbc.queryForObject("SELECT detail FROM audit_record WHERE seq = ?", String.class, target.seq()))
        .contains("AWARDED");

    ResponseEntity<JsonNode> verify = api.get("auditor", "/api/audit/verify");
    assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(verify.getBody().get("ok").asBoolean()).isFalse();
    assertThat(verify.getBody().get("firstBrokenSeq").asLong()).isEqualTo(target.seq());
    assertThat(verify.getBody().get("records").asLong()).isEqualTo(target.seq() - 1);
    assertThat(verify.getBody().get("reason").asText()).isNotBlank();

    assertThat(api.get("officer.sgddt", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/audit/verify", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
