package vn.gov.sonla.tdkt.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Messages to people and units (reminders, returned dossiers, decisions), stored in the same
 * transaction as the step that sends them and read on the project's pages and API.
 */
@Service
public class Notifications {

  private final JdbcClient jdbc;

  public Notifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Sends to a user id or a group id. */
  public void send(String recipient, String dossierCode, String kind, String message) {
    jdbc.sql("INSERT INTO notification (id, recipient, dossier_code, kind, message, created_at)"
            + " VALUES (:id, :recipient, :dossier, :kind, :message, :at)")
        .param("id", UUID.randomUUID().toString())
        .param("recipient", recipient)
        .param("dossier", dossierCode)
        .param("kind", kind)
        .param("message", message)
        .param("at", OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC))
        .update();
  }

  /** Notifications addressed to any of the given user and group ids, newest first. */
  public List<Notification> forRecipients(Collection<String> recipients, int limit) {
    return jdbc.sql("SELECT id, recipient, dossier_code, kind, message, created_at FROM notification"
            + " WHERE recipient IN (:recipients) ORDER BY created_at DESC LIMIT :limit")
        .param("recipients", recipients)
        .param("limit", limit)
        .query(Notification.class)
        .list();
  }

  public List<Notification> forDossier(String dossierCode) {
    return jdbc.sql("SELECT id, recipient, dossier_code, kind, message, created_at FROM notification"
            + " WHERE dossier_code = :code ORDER BY created_at")
        .param("code", dossierCode)
        .query(Notification.class)
        .list();
  }
}
