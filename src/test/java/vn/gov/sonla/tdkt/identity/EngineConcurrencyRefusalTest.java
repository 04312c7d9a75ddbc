package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * Two council members who send their ballots of one session at the same moment both touch the session's voting
 * step; the engine lets the first commit and refuses the second with an {@link OptimisticLockingException} (found by
 * the deadline-day load test: Tasklist answered 500 and the member saw a server error). The second transaction
 * rolled back, so nothing changed: the member is asked to send again, with a 409 problem in Vietnamese.
 */
class EngineConcurrencyRefusalTest {

  @Test
  void aBallotSentAtTheSameMomentAsAnotherIsAConflictToSendAgainNotAServerError() {
    OptimisticLockingException lost = new OptimisticLockingException(
        "ENGINE-03005 Execution of 'UPDATE ExecutionEntity[…]' failed. Entity was updated by another transaction"
            + " concurrently.");
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(lost),
        "Cannot submit task form 42: " + lost.getMessage());

    Response response = EngineRefusals.toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    String body = (String) response.getEntity();
    assertThat(body).contains("\"status\":409").contains("gửi lại").doesNotContain("ENGINE-03005")
        .doesNotContain("ExecutionEntity");
  }

  @Test
  void otherEngineErrorsKeepTheEnginesAnswer() {
    Response response = EngineRefusals.toResponse(
        new RestException(Status.INTERNAL_SERVER_ERROR, new ProcessEngineException("boom"), "Cannot submit"));
    assertThat(response.getStatus()).isEqualTo(500);
  }
}
