package vn.gov.sonla.tdkt.decision;

import static org.camunda.spin.Spin.JSON;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;

/**
 * Gathers the State-level dossiers waiting for the province's submission (at
 * {@code Event_AwaitStateSubmission}) and not yet on another submission.
 */
@Component("collectStateDossiers")
public class CollectStateDossiers implements JavaDelegate {

  private final Clock clock;

  static final String WAIT_ACTIVITY = "Event_AwaitStateSubmission";

  private final RuntimeService runtime;
  private final DossierRepository dossiers;
  private final StateSubmissionRepository submissions;
  private final AwardCatalog catalog;
  private final AwardRegistration registration;

  public CollectStateDossiers(RuntimeService runtime, DossierRepository dossiers,
      StateSubmissionRepository submissions, AwardCatalog catalog, AwardRegistration registration, Clock clock) {
    this.clock = clock;
    this.runtime = runtime;
    this.dossiers = dossiers;
    this.submissions = submissions;
    this.catalog = catalog;
    this.registration = registration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    String[] parts = key.split("-R");
    submissions.create(key, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    List<Map<String, Object>> items = new ArrayList<>();
    runtime.createProcessInstanceQuery().processDefinitionKey("commendation-dossier").activityIdIn(WAIT_ACTIVITY)
        .list().stream()
        .map(pi -> dossiers.find(pi.getBusinessKey()).orElseThrow())
        .filter(d -> !submissions.isOnAnySubmission(d.code()))
        .sorted(java.util.Comparator.comparing(Dossier::code))
        .forEach(d -> {
          submissions.addItem(key, d.code());
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("code", d.code());
          item.put("subjectName", d.subjectName());
          item.put("unitName", registration.unitName(d));
          item.put("awardTypeName", catalog.get(d.awardType()).name());
          item.put("url", "/api/dossiers/" + d.code());
          items.add(item);
        });
    execution.setVariable("submissionKey", key);
    execution.setVariable("submissionItems", JSON(items));
    execution.setVariable("submissionCount", items.size());
  }
}
