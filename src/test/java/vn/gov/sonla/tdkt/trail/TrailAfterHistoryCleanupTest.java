package vn.gov.sonla.tdkt.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Retention: when the engine's history of a finished dossier is removed (as the history cleanup does
 * after the time to live), its trail still shows every status change, document, council tally,
 * objection and decision from the project's own records.
 */
@AppTest
class TrailAfterHistoryCleanupTest {

  private static final CurrentUser AUDITOR = new CurrentUser("auditor", java.util.Set.of("auditors"));

  @Autowired DossierTrail trail;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired CouncilRepository council;
  @Autowired PublicNoticeService notices;
  @Autowired DecisionRepository decisions;

  @Test
  void theTrailOfACleanedUpDossierIsStillCompleteFromTheProjectsRecords() {
    TrailScenario.Run run = new TrailScenario(dossiers, runtime, tasks, management, identity, council, notices,
        decisions).run();
    List<TrailEntry> before = trail.of(run.code(), AUDITOR);
    List<String> statusesBefore = statuses(before);

    history.deleteHistoricProcessInstance(run.processInstanceId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(run.processInstanceId()).count()).isZero();

    List<TrailEntry> after = trail.of(run.code(), AUDITOR);
    // nothing of the dossier's own instance; the decision batch's history, cleaned up on its own retention time, still
    // tells the Chairman's decision of the batch
    assertThat(after).noneMatch(e -> e.source().name().startsWith("ENGINE_") && !e.details().containsKey("batchKey"));
    assertThat(after).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TrailKind.TASK_COMPLETED);
      assertThat(e.details()).containsEntry("batchKey", run.batchKey());
    });
    assertThat(statuses(after)).containsExactlyElementsOf(statusesBefore)
        .contains("SUBMITTED", "AWAITING_SUPPLEMENT", "AWAITING_COUNCIL", "PUBLIC_NOTICE", "AWAITING_DECISION", "AWARDED");
    assertThat(after).filteredOn(e -> e.kind() == TrailKind.STATUS_CHANGED)
        .allSatisfy(e -> assertThat(e.source()).isEqualTo(TrailSource.AUDIT_LOG));
    assertThat(after).anySatisfy(e -> assertThat(e.kind()).isEqualTo(TrailKind.DOCUMENT_ADDED));
    assertThat(after).anySatisfy(e -> assertThat(e.kind()).isEqualTo(TrailKind.COUNCIL_TALLY));
    assertThat(after).anySatisfy(e -> assertThat(e.kind()).isEqualTo(TrailKind.OBJECTION_REVIEWED));
    assertThat(after).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TrailKind.DECISION_ISSUED);
      assertThat(e.summary()).contains(run.decisionNumber());
    });
  }

  /** The statuses the trail shows, in order (the "to" of each change). */
  private static List<String> statuses(List<TrailEntry> entries) {
    return entries.stream().filter(e -> e.kind() == TrailKind.STATUS_CHANGED)
        .map(e -> {
          Object to = e.details().get("to");
          if (to != null) {
            return to.toString();
          }
          try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(String.valueOf(e.details().get("detail"))).get("to").asText();
          } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
          }
        })
        .toList();
  }
}
