package vn.gov.sonla.tdkt.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The kernel's handler answers a feature's {@link Problem} as the feature describes it, without knowing the feature:
 * status, type, title, Vietnamese detail, the bad fields when there are some, and the headers.
 */
class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void aFeaturesProblemKeepsItsStatusTypeTitleFieldsAndHeaders() {
    Problem problem = new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Quá nhiều yêu cầu",
        "Vui lòng thử lại sau.") {
      @Override
      public List<FieldProblem> errors() {
        return List.of(new FieldProblem("email", "Thư điện tử không hợp lệ."));
      }

      @Override
      public Map<String, String> headers() {
        return Map.of("Retry-After", "3600");
      }
    };

    ResponseEntity<ProblemDetail> answer = handler.feature(problem);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3600");
    ProblemDetail body = answer.getBody();
    assertThat(body.getStatus()).isEqualTo(429);
    assertThat(body.getType().toString()).isEqualTo("https://sonla.gov.vn/tdkt/problems/rate-limited");
    assertThat(body.getTitle()).isEqualTo("Quá nhiều yêu cầu");
    assertThat(body.getDetail()).isEqualTo("Vui lòng thử lại sau.");
    assertThat(body.getProperties()).containsEntry("errors",
        List.of(new FieldProblem("email", "Thư điện tử không hợp lệ.")));
  }

  @Test
  void aProblemWithoutFieldsHasNoErrorsProperty() {
    Problem problem = new Problem(HttpStatus.CONFLICT, "wrong-state", "Không thực hiện được ở bước hiện tại",
        "Phiên họp đã đóng.") {};

    ResponseEntity<ProblemDetail> answer = handler.feature(problem);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    Map<String, Object> properties = answer.getBody().getProperties();
    assertThat(properties == null ? Map.of() : properties).doesNotContainKey("errors");
    assertThat(answer.getHeaders().isEmpty()).isTrue();
  }

  /**
   * Found by the concurrent-ballot test (issue 20): a change through the project's API that lost to a concurrent one
   * answered the engine's own text ("ENGINE-03005 … UPDATE VariableInstanceEntity …") to the user. It is the same
   * "send again" conflict as through the engine's HTTP API: 409 in Vietnamese, no engine internals.
   */
  @Test
  void aChangeThatLostToAConcurrentOneIsAConflictToSendAgainWithoutTheEnginesText() {
    var lost = new org.camunda.bpm.engine.OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE"
        + " VariableInstanceEntity[42]' failed. Entity was updated by another transaction concurrently.");

    for (org.camunda.bpm.engine.ProcessEngineException e : List.of(lost,
        new org.camunda.bpm.engine.ProcessEngineException("Cannot complete task 42", lost))) {
      ProblemDetail body = handler.engine(e);

      assertThat(body.getStatus()).isEqualTo(409);
      assertThat(body.getType().toString()).isEqualTo("https://sonla.gov.vn/tdkt/problems/concurrent-change");
      assertThat(body.getDetail()).contains("Vui lòng gửi lại").doesNotContain("ENGINE-03005")
          .doesNotContain("VariableInstanceEntity");
    }
  }
}
