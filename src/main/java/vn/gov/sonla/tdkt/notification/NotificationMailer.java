package vn.gov.sonla.tdkt.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * E-mails a copy of each notification to its recipients (a user, or every member of a group, at the
 * e-mail address of their Camunda user) where SMTP is configured. Sent on another thread after the
 * step's transaction has committed, so a slow or failing mail server never holds up or undoes the step;
 * the outcome is recorded on the notification (SENT, FAILED with the error, NONE without an address) and
 * failures are retried ({@code tdkt.mail.max-attempts}, every {@code tdkt.mail.retry-interval}).
 *
 * <p>Cluster-safe: every attempt first claims the row with one conditional UPDATE (PENDING or FAILED under the
 * attempt limit, or a claim older than {@code tdkt.mail.claim-timeout} → SENDING, attempts + 1, when and by which
 * node), committed before the mail leaves; the row lock makes a concurrent UPDATE of another node re-check its
 * condition and find the row taken. So each e-mail is sent once however many nodes retry, each attempt is counted
 * once, and an e-mail left PENDING (a node died between the step's commit and the send) or SENDING (died while
 * sending) is taken again after the timeout — the one case that may send twice is a node dying after the SMTP
 * server accepted the mail and before its SENT was written.
 */
@Component
@org.springframework.scheduling.annotation.EnableScheduling
public class NotificationMailer {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationMailer.class);

  static final Map<String, String> SUBJECTS = Map.ofEntries(
      Map.entry("DIGEST", "Tổng hợp thông báo"),
      Map.entry("NEW_TASK", "Việc mới"),
      Map.entry("NEW_DOSSIER", "Hồ sơ mới chờ thẩm định"),
      Map.entry("SUPPLEMENT_RECEIVED", "Hồ sơ đã được bổ sung"),
      Map.entry("OBJECTION_FILED", "Có ý kiến phản ánh về hồ sơ"),
      Map.entry("CONSULTATION_OBJECTION_FILED", "Có ý kiến phản ánh về hồ sơ đang lấy ý kiến"),
      Map.entry("CONSULTATION_ENDED", "Hồ sơ đã hết thời hạn lấy ý kiến"),
      Map.entry("BALLOT_OPENED", "Phiếu biểu quyết Hội đồng"),
      Map.entry("DECISION_WAITING", "Hồ sơ chờ quyết định khen thưởng"),
      Map.entry("SUPPLEMENT_REQUESTED", "Hồ sơ cần bổ sung"),
      Map.entry("DOSSIER_RETURNED", "Hồ sơ bị trả lại"),
      Map.entry("DOSSIER_WITHDRAWN", "Hồ sơ đã rút"),
      Map.entry("NOT_AWARDED", "Hồ sơ không được khen thưởng"),
      Map.entry("AWARDED", "Quyết định khen thưởng"),
      Map.entry("APPRAISAL_REMINDER", "Sắp hết hạn thẩm định"),
      Map.entry("APPRAISAL_ESCALATED", "Quá hạn thẩm định"),
      Map.entry("PLAN_REMINDER", "Sắp đến hạn nhiệm vụ kế hoạch"),
      Map.entry("PLAN_OVERDUE", "Nhiệm vụ kế hoạch quá hạn"),
      Map.entry("STATE_SUBMISSION_SIGNED", "Tờ trình cấp Nhà nước đã ký"),
      Map.entry("BLOC_REGISTRATION_OPEN", "Đăng ký thi đua cụm, khối"),
      Map.entry("BLOC_REGISTRATION_REMINDER", "Nhắc đăng ký thi đua"),
      Map.entry("BLOC_RANKING_PUBLISHED", "Kết quả xếp hạng thi đua cụm, khối"));

  private final ObjectProvider<JavaMailSender> mailSender;
  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final EngineAuthentication engine;
  /** One sender thread: e-mails leave in the order of their notifications, off the engine's threads. */
  private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(
      r -> {
        Thread t = new Thread(r, "notification-mail");
        t.setDaemon(true);
        return t;
      });
  private final MailProperties properties;

  public NotificationMailer(ObjectProvider<JavaMailSender> mailSender, JdbcClient jdbc, IdentityService identity,
      EngineAuthentication engine, MailProperties properties) {
    this.mailSender = mailSender;
    this.jdbc = jdbc;
    this.identity = identity;
    this.engine = engine;
    this.properties = properties;
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    executor.shutdown();
  }

  /** Whether e-mail is configured (a mail sender exists: {@code spring.mail.host} is set). */
  public boolean enabled() {
    return mailSender.getIfAvailable() != null;
  }

  /** Sends the notification's e-mail once the current transaction (if any) has committed. */
  void afterCommit(String notificationId) {
    if (!enabled()) {
      return;
    }
    Runnable send = () -> executor.execute(() -> deliver(notificationId));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send.run();
        }
      });
    } else {
      send.run();
    }
  }

  /**
   * Tries again the e-mails that failed (up to the maximum number of attempts), and takes over those left waiting or
   * half-sent by a node that died (older than the claim timeout). Each is claimed before it is sent.
   */
  @Scheduled(fixedDelayString = "${tdkt.mail.retry-interval:PT10M}", initialDelayString = "${tdkt.mail.retry-interval:PT10M}")
  public void retryFailed() {
    if (!enabled()) {
      return;
    }
    OffsetDateTime stale = OffsetDateTime.now(ZoneOffset.UTC).minus(properties.claimTimeout());
    jdbc.sql("SELECT id FROM notification WHERE (mail_status = 'FAILED' AND mail_attempts < :max)"
            + " OR (mail_status = 'PENDING' AND created_at < :stale)"
            + " OR (mail_status = 'SENDING' AND mail_claimed_at < :stale) ORDER BY created_at")
        .param("max", properties.maxAttempts()).param("stale", stale)
        .query(String.class).list().forEach(this::deliver);
  }

  /**
   * Takes the notification's e-mail for this node (committed at once, outside any transaction): false when another
   * node or thread has it, it is done, or its attempts are used up.
   */
  boolean claim(String notificationId) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return jdbc.sql("UPDATE notification SET mail_status = 'SENDING', mail_attempts = mail_attempts + 1,"
            + " mail_claimed_at = :now, mail_claimed_by = :node WHERE id = :id AND ("
            + " (mail_status IN ('PENDING', 'FAILED') AND mail_attempts < :max)"
            + " OR (mail_status = 'SENDING' AND mail_claimed_at < :stale))")
        .param("now", now).param("node", properties.node()).param("id", notificationId)
        .param("max", properties.maxAttempts()).param("stale", now.minus(properties.claimTimeout()))
        .update() == 1;
  }

  void deliver(String notificationId) {
    Notification n = jdbc.sql("SELECT id, recipient, dossier_code, kind, message, created_at FROM notification"
        + " WHERE id = :id").param("id", notificationId).query(Notification.class).optional().orElse(null);
    JavaMailSender sender = mailSender.getIfAvailable();
    if (n == null || sender == null || !claim(n.id())) {
      return;
    }
    Set<String> to = addresses(n.recipient());
    if (to.isEmpty()) {
      record(n.id(), "NONE", null);
      return;
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(properties.from());
    mail.setTo(to.toArray(String[]::new));
    mail.setSubject("[TDKT Sơn La] " + SUBJECTS.getOrDefault(n.kind(), "Thông báo")
        + (n.dossierCode() == null ? "" : ": " + n.dossierCode()));
    mail.setText(n.message() + "\n\n"
        + (n.dossierCode() == null ? "" : "Xem hồ sơ: " + properties.baseUrl() + "/dossiers/view.html?code="
            + n.dossierCode() + "\n")
        + "Các thông báo của bạn: " + properties.baseUrl() + "/notifications/index.html\n\n"
        + "Thư này được gửi tự động từ Hệ thống quản lý thi đua, khen thưởng tỉnh Sơn La; vui lòng không trả lời.");
    try {
      sender.send(mail);
      record(n.id(), "SENT", null);
    } catch (RuntimeException e) {
      LOG.warn("E-mail of notification {} ({}) to {} failed: {}", n.id(), n.kind(), to, e.getMessage());
      record(n.id(), "FAILED", e.getMessage());
    }
  }

  private Set<String> addresses(String recipient) {
    return engine.asSystem(() -> {
      List<User> users = identity.createUserQuery().userId(recipient).list();
      if (users.isEmpty()) {
        users = identity.createUserQuery().memberOfGroup(recipient).list();
      }
      Set<String> emails = new LinkedHashSet<>();
      users.stream().map(User::getEmail).filter(e -> e != null && e.contains("@")).forEach(emails::add);
      return emails;
    });
  }

  private void record(String id, String status, String error) {
    // (the attempt was counted by the claim)
    jdbc.sql("UPDATE notification SET mail_status = :status, mail_error = :error, mailed_at = :at WHERE id = :id")
        .param("status", status)
        .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
        .param("at", "SENT".equals(status) ? OffsetDateTime.now(ZoneOffset.UTC) : null)
        .param("id", id)
        .update();
  }
}
