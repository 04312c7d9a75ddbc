package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.notice.ObjectionRequest;
import vn.gov.sonla.tdkt.award.DeclaredFacts;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.FieldProblems;

/**
 * The declared field rules' messages: Vietnamese in ValidationMessages_vi.properties, the same text in the fallback
 * ValidationMessages.properties (a browser or a JVM in another language), and the field names as the API names them.
 */
class ValidationMessagesTest {

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (var in = new InputStreamReader(ValidationMessagesTest.class.getResourceAsStream("/" + name),
        StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void theFallbackCarriesTheSameVietnameseText() throws Exception {
    Properties vi = load("ValidationMessages_vi.properties");
    assertThat(vi).isNotEmpty().isEqualTo(load("ValidationMessages.properties"));
    assertThat(vi.values()).allSatisfy(m -> assertThat(m.toString())
        .matches(".*[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ].*"));
  }

  @Test
  void aJvmInAnotherLanguageStillAnswersInVietnameseOnTheRequestsFieldNames() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
    try {
      assertThat(FieldProblems.check(new ObjectionRequest("2071-syt-0001", " ", null, "x".repeat(4001))))
          .containsExactly(new FieldProblem("contact", "Chưa nhập địa chỉ liên hệ (điện thoại hoặc thư điện tử)."),
              new FieldProblem("content", "Không được dài quá 4000 ký tự."),
              new FieldProblem("name", "Chưa nhập họ tên người phản ánh."));
      DossierRequest request = new DossierRequest(null, null, null, 2071, null, "Lò Văn A", null, null, null, null)
          .withFacts(new DeclaredFacts(null, null, 0, -1, null, null, null, null));
      assertThat(FieldProblems.check(request)).containsExactly(
          new FieldProblem("declaredFacts.memberCount", "Số thành viên của tập thể phải từ 1 đến 100000."),
          new FieldProblem("declaredFacts.membersCompletingTasks",
              "Số cá nhân hoàn thành nhiệm vụ phải từ 0 đến số thành viên của tập thể."));
    } finally {
      Locale.setDefault(before);
    }
  }
}
