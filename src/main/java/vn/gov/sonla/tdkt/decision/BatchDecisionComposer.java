package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;

/**
 * The content of a batch's decision (draft or issued) for its dossiers: {@link DecisionComposer} with the căn cứ
 * lines of the legal regime in force on the signing date ({@code award-eligibility-regime}) and the proposal of the
 * Department of Home Affairs for the round.
 */
@Component
public class BatchDecisionComposer {

  private final DecisionComposer composer;
  private final DossierRepository dossiers;
  private final DecisionService decisionService;
  private final IdentityService identity;

  public BatchDecisionComposer(DecisionComposer composer, DossierRepository dossiers, DecisionService decisionService,
      IdentityService identity) {
    this.composer = composer;
    this.dossiers = dossiers;
    this.decisionService = decisionService;
    this.identity = identity;
  }

  /**
   * @param number   the decision's number; null for a draft
   * @param signerId the Chairman who signs; for a draft, who previews it (may be null)
   */
  public DecisionContent compose(DecisionBatchRepository.Batch batch, List<String> codes, String number,
      LocalDate date, String signerId) {
    List<Dossier> list = codes.stream().map(c -> dossiers.find(c).orElseThrow()).toList();
    String regime = decisionService.evaluateDecisionTableByKey("award-eligibility-regime")
        .variables(Map.of("receivedOn", Date.from(date.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC))))
        .evaluate().getSingleResult().getEntry("regime");
    String name = signerId == null ? "" : IssueDecision.fullName(identity, signerId);
    return composer.compose(number, date, number == null, signerId == null ? "" : signerId, name, regime, list,
        "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình đề nghị khen thưởng đợt " + batch.round() + " năm "
            + batch.year());
  }
}
