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
  private final NotificationMailer mailer;

  public Notifications(JdbcClient jdbc, NotificationMailer mailer) {
    this.jdbc = jdbc;
    this.mailer = mailer;
  }

  /** Sends to a user id or a group id (and, where SMTP is configured, by e-mail after the commit). */
  public void send(String recipient, String dossierCode, String kind, String message) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO notification (id, recipient, dossier_code, kind, message, created_at, mail_status)"
            + " VALUES (:id, :recipient, :dossier, :kind, :message, :at, :mail)")
        .param("id", id)
        .param("mail", mailer.enabled() ? "PENDING" : null)
        .param("recipient", recipient)
        .param("dossier", dossierCode)
        .param("kind", kind)
        .param("message", message)
        .param("at", OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC))
        .update();
    mailer.afterCommit(id);
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

  /** The reader's view of the notifications addressed to them or their groups, newest first. */
  public List<NotificationView> forReader(String user, Collection<String> recipients, int limit) {
    return jdbc.sql("SELECT n.id, n.recipient, n.dossier_code, n.kind, n.message, n.created_at,"
            + " CASE WHEN r.user_id IS NULL THEN FALSE ELSE TRUE END AS is_read FROM notification n"
            + " LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user"
            + " WHERE n.recipient IN (:recipients) ORDER BY n.created_at DESC LIMIT :limit")
        .param("user", user)
        .param("recipients", recipients)
        .param("limit", limit)
        .query((rs, i) -> new NotificationView(rs.getString("id"), rs.getString("recipient"),
            rs.getString("dossier_code"), rs.getString("kind"),
            NotificationMailer.SUBJECTS.getOrDefault(rs.getString("kind"), "Thông báo"), rs.getString("message"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("is_read")))
        .list();
  }

  public long unread(String user, Collection<String> recipients) {
    return jdbc.sql("SELECT COUNT(*) FROM notification n WHERE n.recipient IN (:recipients) AND NOT EXISTS"
            + " (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :user)")
        .param("user", user).param("recipients", recipients).query(Long.class).single();
  }

  /** Marks as read, for this user, every notification addressed to them or their groups. */
  public int markAllRead(String user, Collection<String> recipients) {
    return jdbc.sql("INSERT INTO notification_read (notification_id, user_id, read_at)"
            + " SELECT n.id, :user, :at FROM notification n WHERE n.recipient IN (:recipients) AND NOT EXISTS"
            + " (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :user)")
        .param("user", user).param("recipients", recipients)
        .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
  }

  public List<Notification> forDossier(String dossierCode) {
    return jdbc.sql("SELECT id, recipient, dossier_code, kind, message, created_at FROM notification"
            + " WHERE dossier_code = :code ORDER BY created_at")
        .param("code", dossierCode)
        .query(Notification.class)
        .list();
  }
}
