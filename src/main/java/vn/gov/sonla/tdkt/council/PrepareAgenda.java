package vn.gov.sonla.tdkt.council;

import static org.camunda.spin.Spin.JSON;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierFilter;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.engine.EngineUser;

/**
 * "Chuẩn bị chương trình phiên họp": every dossier waiting for the council (any unit, provincial and
 * State-level awards) with its appraisal summary — except a dossier for an order or State honour whose consultation
 * before the council ({@code Sub_Consultation} of commendation-dossier.bpmn) has not ended yet; the session and agenda rows; the variables
 * {@code agenda}, {@code agendaOptions} (the ballot form's checklist) and {@code agendaSize}.
 */
@Component("prepareAgenda")
public class PrepareAgenda implements JavaDelegate {

  private static final int PAGE = 200;
  /** The consultation before the council in commendation-dossier.bpmn. */
  static final String CONSULTATION = "Sub_Consultation";

  private final DossierRepository dossiers;
  private final CouncilRepository sessions;
  private final AwardCatalog catalog;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Clock clock;

  public PrepareAgenda(DossierRepository dossiers, CouncilRepository sessions, AwardCatalog catalog,
      RuntimeService runtime, IdentityService identity, Clock clock) {
    this.clock = clock;
    this.dossiers = dossiers;
    this.sessions = sessions;
    this.catalog = catalog;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    String caller = EngineUser.currentUserId(identity);
    sessions.insertSession(key, (Integer) execution.getVariable("year"), (Integer) execution.getVariable("round"),
        (String) execution.getVariable("note"), execution.getProcessInstanceId(),
        execution.getVariable("openedBy") instanceof String by ? by : caller, EngineClock.utc(clock));
    if (execution.getVariable("mode") instanceof String mode) {
      sessions.setMode(key, mode);
    }

    java.util.Set<String> held = heldByRunningSessions(key);
    List<Dossier> waiting = waitingForCouncil().stream()
        .filter(d -> !held.contains(d.code()) && !inConsultation(d)).toList();
    // a round of the yearly plan closes its intake at the start of its month: later dossiers go to the next round
    var deadline = sessions.intakeDeadline((Integer) execution.getVariable("year"),
        (Integer) execution.getVariable("round"));
    if (deadline.isPresent()) {
      waiting = waiting.stream()
          .filter(d -> d.submittedAt() != null && d.submittedAt().isBefore(deadline.get()))
          .toList();
      execution.setVariable("intakeDeadline", java.util.Date.from(deadline.get().toInstant()));
    }
    List<Map<String, Object>> agenda = new ArrayList<>();
    List<Map<String, Object>> options = new ArrayList<>();
    int position = 0;
    for (Dossier d : waiting) {
      position++;
      String awardTypeName = catalog.find(d.awardType()).map(a -> a.name()).orElse(d.awardType());
      String unitName = EngineAuthentication.inProcess(() -> {
        var group = identity.createGroupQuery().groupId(d.unitGroup()).singleResult();
        return group == null ? d.unitCode() : group.getName();
      });
      String summary = d.processInstanceId() == null ? null
          : (String) EngineAuthentication.inProcess(() -> runtime.getVariable(d.processInstanceId(), "appraisalSummary"));
      sessions.insertAgendaItem(new CouncilRepository.AgendaItem(key, position, d.code(), d.subjectName(), unitName,
          d.awardType(), awardTypeName, summary, null, null, null, null, null));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("position", position);
      item.put("code", d.code());
      item.put("subjectName", d.subjectName());
      item.put("unitName", unitName);
      item.put("awardType", d.awardType());
      item.put("awardTypeName", awardTypeName);
      item.put("appraisalSummary", summary == null ? "" : summary);
      item.put("url", "/api/dossiers/" + d.code());
      agenda.add(item);
      options.add(Map.of("label", position + ". " + d.subjectName() + " – " + awardTypeName + " (" + d.code() + ")",
          "value", d.code()));
    }
    if (agenda.isEmpty()) {
      sessions.setStatus(key, "NO_AGENDA");
    }
    execution.setVariable("agenda", JSON(agenda));
    execution.setVariable("agendaOptions", JSON(options));
    execution.setVariable("agendaSize", agenda.size());
  }

  private List<Dossier> waitingForCouncil() {
    DossierFilter filter = new DossierFilter(DossierStatus.AWAITING_COUNCIL, null, null, null);
    List<Dossier> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      var result = dossiers.search(filter, null, page, PAGE);
      all.addAll(result.items());
      if (result.items().size() < PAGE) {
        break;
      }
    }
    all.sort(Comparator.comparing(Dossier::awardType).thenComparing(Dossier::code));
    return all;
  }

  /**
   * The dossiers another session is still deciding (on its agenda without an outcome, its process still running):
   * a dossier is voted on by one session at a time. A session whose process was cancelled holds nothing.
   */
  private java.util.Set<String> heldByRunningSessions(String key) {
    java.util.Map<String, Boolean> running = new java.util.HashMap<>();
    java.util.Set<String> held = new java.util.HashSet<>();
    for (CouncilRepository.HeldItem item : sessions.heldByOtherSessions(key)) {
      boolean alive = running.computeIfAbsent(item.processInstanceId(), pi -> EngineAuthentication.inProcess(
          () -> runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0));
      if (alive) {
        held.add(item.dossierCode());
      }
    }
    return held;
  }

  /**
   * Whether the dossier's consultation before the council is still running (its period, or the verification of
   * an objection filed during it): the council may not consider it yet.
   */
  private boolean inConsultation(Dossier d) {
    if (d.processInstanceId() == null) {
      return false;
    }
    return EngineAuthentication.inProcess(() -> {
      var tree = runtime.getActivityInstance(d.processInstanceId());
      return tree != null && tree.getActivityInstances(CONSULTATION).length > 0;
    });
  }

}
