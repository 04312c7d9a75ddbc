package vn.gov.sonla.tdkt.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.dossier.DossierApiScenariosAccess;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.IsolatedAppTest;
import vn.gov.sonla.tdkt.support.TestSmtp;

/**
 * Notifications reach people by e-mail where SMTP is configured (GreenMail in process): after the step's
 * transaction, at the e-mail addresses of the Camunda users (every member of a group), in Vietnamese, with
 * a link; a mail server that is down never fails or undoes the step (a task completion, a withdrawal), the failure
 * is recorded and retried (docs/pipeline.md, issue 19).
 */
// in the isolated context, whose e-mails go to the JVM's test SMTP server (support.TestSmtp), which this class stops
// for a while; the main context (AppTest) has no SMTP server, so its many notifications are not mailed
@IsolatedAppTest
class NotificationMailTest {

  /** The server runs again for the context's other tests, whatever happened here. */
  @AfterAll
  static void serverBack() {
    TestSmtp.server();
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationMailer mailer;

  private String mailStatus(String code, String kind) {
    return jdbc.sql("SELECT mail_status FROM notification WHERE dossier_code = :c AND kind = :k")
        .param("c", code).param("k", kind).query(String.class).single();
  }

  private void awaitStatus(String code, String kind, String expected) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!expected.equals(mailStatus(code, kind)) && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(mailStatus(code, kind)).isEqualTo(expected);
  }

  private static MimeMessage awaitMail(GreenMail smtp, String subject) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    do {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (subject.equals(m.getSubject())) {
          return m;
        }
      }
      Thread.sleep(100);
    } while (System.nanoTime() < end);
    throw new AssertionError("no e-mail with subject " + subject);
  }

  @Test
  void aDossierReturnedForSupplementIsMailedToTheUnitsOfficersAfterTheCommit() throws Exception {
    Api api = new Api(rest);
    var created = api.createDossier("officer.sgddt", DossierApiScenariosAccess.json(), Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();

    api.claimAndComplete("appraiser", code, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu xác nhận của cấp trên.", "missingItems", "Báo cáo thành tích có xác nhận."));

    // the new dossier was mailed to home-affairs before; this is the unit's
    MimeMessage mail = awaitMail(TestSmtp.server(), "[TDKT Sơn La] Hồ sơ cần bổ sung: " + code);
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("officer.sgddt@sonla.gov.vn");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("tdkt@sonla.gov.vn");
    assertThat(mail.getSubject()).isEqualTo("[TDKT Sơn La] Hồ sơ cần bổ sung: " + code);
    String body = GreenMailUtil.getBody(mail);
    String text = new String(jakarta.mail.internet.MimeUtility.decode(
        new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        "quoted-printable").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("Hồ sơ " + code + " cần bổ sung: Báo cáo thành tích có xác nhận.", "Hạn bổ sung:",
        "https://tdkt.sonla.gov.vn/dossiers/view.html?code=" + code);
    awaitStatus(code, "SUPPLEMENT_REQUESTED", "SENT");

    // the same notification on the officer's page and API
    JsonNode mine = api.get("officer.sgddt", "/api/notifications").getBody();
    assertThat(mine.findValuesAsText("kind")).contains("SUPPLEMENT_REQUESTED");
    assertThat(api.get("officer.sgddt", "/api/notifications/unread-count").getBody().get("unread").asLong())
        .isGreaterThanOrEqualTo(1);
    assertThat(api.postJson("officer.sgddt", "/api/notifications/read", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("officer.sgddt", "/api/notifications/unread-count").getBody().get("unread").asLong()).isZero();
    // another unit's officer sees none of it
    assertThat(api.get("officer.syt", "/api/notifications").getBody().findValuesAsText("dossierCode")).doesNotContain(code);

    // another dossier of the unit, waiting for its appraisal
    var another = api.createDossier("officer.sgddt", DossierApiScenariosAccess.json("Lò Thị Xuân"),
        Api.requiredFiles("ANNUAL"), false);
    assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String other = another.getBody().get("code").asText();

    // the mail server goes down: the appraiser's task completion still commits (the e-mail is sent after the
    // commit, off the request), the withdrawal still happens, the e-mails are recorded as failed ...
    TestSmtp.stop();
    api.claimAndComplete("appraiser", other, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu biên bản họp.", "missingItems", "Biên bản họp Hội đồng thi đua của đơn vị."));
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + other).getBody().get("status").asText())
        .isEqualTo("AWAITING_SUPPLEMENT");
    awaitStatus(other, "SUPPLEMENT_REQUESTED", "FAILED");
    var withdrawn = api.postJson("officer.sgddt", "/api/dossiers/" + code + "/withdrawal",
        Map.of("reason", "Đơn vị rút hồ sơ để hoàn thiện."));
    assertThat(withdrawn.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(api.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText()).isEqualTo("WITHDRAWN");
    awaitStatus(code, "DOSSIER_WITHDRAWN", "FAILED");
    assertThat(jdbc.sql("SELECT mail_error FROM notification WHERE dossier_code = :c AND kind = 'DOSSIER_WITHDRAWN'")
        .param("c", code).query(String.class).single()).isNotBlank();

    // ... and sent when the server is back and the retry runs
    GreenMail back = TestSmtp.restart();
    mailer.retryFailed();
    MimeMessage resent = awaitMail(back, "[TDKT Sơn La] Hồ sơ đã rút: " + code);
    assertThat(resent.getFrom()[0].toString()).isEqualTo("tdkt@sonla.gov.vn");
    awaitMail(back, "[TDKT Sơn La] Hồ sơ cần bổ sung: " + other);
    awaitStatus(code, "DOSSIER_WITHDRAWN", "SENT");
    awaitStatus(other, "SUPPLEMENT_REQUESTED", "SENT");
    assertThat(jdbc.sql("SELECT mail_attempts FROM notification WHERE dossier_code = :c AND kind = 'DOSSIER_WITHDRAWN'")
        .param("c", code).query(Integer.class).single()).isEqualTo(2);
  }
}
