package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 15, findings 9 and 10. A stranger who tries wrong passwords slowly (under the project's login limiter)
 * must not lock an account for good: the engine's permanent lock after {@code loginMaxAttempts} failures is out
 * of reach, the limiter's temporary lock is the one gate. And an administrator cannot give a user a weak
 * password: Camunda's password policy is on, its rules shown in Vietnamese in Admin.
 */
@AppTest
class AccountPolicyTest {

  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fiftyWrongPasswordsSpreadOverHoursDoNotLockTheAccountForGood() {
    String id = "lock.test";
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Thử");
      user.setLastName("Khóa");
      user.setPassword("Mật-khẩu-đúng-2026");
      identity.saveUser(user);
    }
    Date start = new Date();
    for (int attempt = 1; attempt <= 50; attempt++) {
      // one wrong password every 200 s: past the engine's growing delay (at most 60 s), under any rate limit
      ClockUtil.setCurrentTime(new Date(start.getTime() + attempt * 200_000L));
      assertThat(identity.checkPassword(id, "sai-" + attempt)).isFalse();
    }
    ClockUtil.setCurrentTime(new Date(start.getTime() + 51 * 200_000L));
    assertThat(identity.checkPassword(id, "Mật-khẩu-đúng-2026")).as("the right password after 50 slow failures")
        .isTrue();
    assertThat(identity.createUserQuery().userId(id).singleResult()).isNotNull();
  }

  @Test
  void aWeakPasswordIsRefusedForANewUser() {
    for (String weak : new String[] {"1", "demo", "matkhau123", "Password1"}) {
      User user = identity.newUser("weak.test");
      user.setFirstName("Yếu");
      user.setLastName("Mật Khẩu");
      user.setPassword(weak);
      assertThatThrownBy(() -> identity.saveUser(user)).as(weak).isInstanceOf(ProcessEngineException.class);
    }
    assertThat(identity.createUserQuery().userId("weak.test").count()).isZero();
    User strong = identity.newUser("strong.test");
    strong.setFirstName("Mạnh");
    strong.setLastName("Mật Khẩu");
    strong.setPassword("Sơn-La-2026-tdkt!");
    identity.saveUser(strong);
    assertThat(identity.checkPassword("strong.test", "Sơn-La-2026-tdkt!")).isTrue();
  }

  @Test
  void theEngineRestApiRefusesAWeakPasswordWith400AndCreatesNothing() {
    ResponseEntity<JsonNode> created = new Api(rest).postJson("admin", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "weak.rest", "firstName", "Yếu", "lastName", "Qua REST", "email", "yeu@sonla.gov.vn"),
        "credentials", Map.of("password", "1")));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(created.getBody().get("detail").asText()).contains("Mật khẩu chưa đạt yêu cầu", "ít nhất 10 ký tự",
        "chữ hoa", "chữ thường", "ký tự đặc biệt").doesNotContain("chữ số");
    assertThat(identity.createUserQuery().userId("weak.rest").count()).isZero();
    // Admin asks the engine for the policy to show its rules
    ResponseEntity<JsonNode> policy = new Api(rest).get("admin", "/engine-rest/identity/password-policy");
    assertThat(policy.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(policy.getBody().get("rules").size()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void adminShowsThePasswordRulesInVietnamese() throws Exception {
    JsonNode labels;
    try (InputStream in = new ClassPathResource("META-INF/resources/webjars/camunda/app/admin/locales/vi.json")
        .getInputStream()) {
      labels = new ObjectMapper().readTree(in).get("labels");
    }
    int checked = 0;
    for (Iterator<String> keys = labels.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (key.startsWith("PASSWORD_POLICY") || key.contains("PASSWORD")) {
        String text = labels.get(key).asText();
        assertThat(text).as(key).matches("(?s).*[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ].*");
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(25);
  }
}
