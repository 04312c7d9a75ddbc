package vn.gov.sonla.tdkt.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Messages to people and units (new tasks, reminders, returned dossiers, decisions), stored in the same
 * transaction as the step that sends them and read on the project's pages and API. A burst to one recipient
 * (more than {@code tdkt.notification.burst-threshold} within {@code burst-window}, e.g. a plan upload) is
 * gathered into one digest: the folded notifications keep their rows for the dossier trail, readers see the
 * digest only, and only the digest is e-mailed.
 */
@Service
public class Notifications {

  /** The kind of a digest notification. */
  public static final String DIGEST = "DIGEST";

  private final JdbcClient jdbc;
  private final NotificationMailer mailer;
  private final NotificationProperties properties;
  private final Clock clock;

  public Notifications(JdbcClient jdbc, NotificationMailer mailer, NotificationProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Sends to a user id or a group id (and, where SMTP is configured, by e-mail after the commit); within a
   * burst to the same recipient, into the recipient's digest instead.
   */
  public void send(String recipient, String dossierCode, String kind, String message) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    OffsetDateTime since = now.minus(properties.burstWindow());
    String digest = jdbc.sql("SELECT id FROM notification WHERE recipient = :recipient AND kind = :digest"
            + " AND created_at > :since ORDER BY created_at DESC LIMIT 1")
        .param("recipient", recipient).param("digest", DIGEST).param("since", since)
        .query(String.class).optional().orElse(null);
    if (digest == null && recentSingles(recipient, since) >= properties.burstThreshold()) {
      digest = insert(recipient, null, DIGEST, "Tổng hợp thông báo.", now, null);
      // the burst so far joins the digest, so the reader sees one notification for the whole burst
      jdbc.sql("UPDATE notification SET digest_id = :digest WHERE recipient = :recipient AND kind <> :kind"
              + " AND digest_id IS NULL AND created_at > :since")
          .param("digest", digest).param("recipient", recipient).param("kind", DIGEST).param("since", since)
          .update();
      mailer.afterCommit(digest);
    }
    String id = insert(recipient, dossierCode, kind, message, now, digest);
    if (digest == null) {
      mailer.afterCommit(id);
    } else {
      summarise(digest);
    }
  }

  private long recentSingles(String recipient, OffsetDateTime since) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = :recipient AND kind <> :kind"
            + " AND digest_id IS NULL AND created_at > :since")
        .param("recipient", recipient).param("kind", DIGEST).param("since", since).query(Long.class).single();
  }

  private String insert(String recipient, String dossierCode, String kind, String message, OffsetDateTime at,
      String digest) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO notification (id, recipient, dossier_code, kind, message, created_at, mail_status,"
            + " digest_id) VALUES (:id, :recipient, :dossier, :kind, :message, :at, :mail, :digest)")
        .param("id", id)
        .param("mail", digest == null && mailer.enabled() ? "PENDING" : null)
        .param("recipient", recipient)
        .param("dossier", dossierCode)
        .param("kind", kind)
        .param("message", message)
        .param("at", at)
        .param("digest", digest)
        .update();
    return id;
  }

  /** The digest's text: how many notifications it gathers, by kind; unread again for whoever read it. */
  private void summarise(String digest) {
    record KindCount(String kind, long n) {}
    List<KindCount> counts = jdbc.sql("SELECT kind, COUNT(*) AS n FROM notification WHERE digest_id = :digest"
            + " GROUP BY kind ORDER BY COUNT(*) DESC, kind")
        .param("digest", digest).query((rs, i) -> new KindCount(rs.getString("kind"), rs.getLong("n"))).list();
    long total = counts.stream().mapToLong(KindCount::n).sum();
    String byKind = String.join("; ", counts.stream()
        .map(c -> c.n() + " «" + NotificationMailer.SUBJECTS.getOrDefault(c.kind(), "Thông báo") + "»").toList());
    String message = "Có " + total + " thông báo mới gửi đến cùng lúc, gộp thành một: " + byKind
        + ". Các việc cần làm có trong mục Công việc; từng hồ sơ có lịch sử riêng.";
    jdbc.sql("UPDATE notification SET message = :message WHERE id = :digest")
        .param("message", message.length() > 2000 ? message.substring(0, 1997) + "..." : message)
        .param("digest", digest).update();
    jdbc.sql("DELETE FROM notification_read WHERE notification_id = :digest").param("digest", digest).update();
  }

  /** Notifications addressed to any of the given user and group ids, newest first. */
  public List<Notification> forRecipients(Collection<String> recipients, int limit) {
    return jdbc.sql("SELECT id, recipient, dossier_code, kind, message, created_at FROM notification"
            + " WHERE recipient IN (:recipients) AND digest_id IS NULL ORDER BY created_at DESC LIMIT :limit")
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
            + " WHERE n.recipient IN (:recipients) AND n.digest_id IS NULL ORDER BY n.created_at DESC LIMIT :limit")
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
    return jdbc.sql("SELECT COUNT(*) FROM notification n WHERE n.recipient IN (:recipients) AND n.digest_id IS NULL AND NOT EXISTS"
            + " (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :user)")
        .param("user", user).param("recipients", recipients).query(Long.class).single();
  }

  /** Marks as read, for this user, every notification addressed to them or their groups. */
  public int markAllRead(String user, Collection<String> recipients) {
    return jdbc.sql("INSERT INTO notification_read (notification_id, user_id, read_at)"
            + " SELECT n.id, :user, :at FROM notification n WHERE n.recipient IN (:recipients) AND n.digest_id IS NULL"
            + " AND NOT EXISTS"
            + " (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :user)")
        .param("user", user).param("recipients", recipients)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
  }

  public List<Notification> forDossier(String dossierCode) {
    return jdbc.sql("SELECT id, recipient, dossier_code, kind, message, created_at FROM notification"
            + " WHERE dossier_code = :code ORDER BY created_at")
        .param("code", dossierCode)
        .query(Notification.class)
        .list();
  }
}
