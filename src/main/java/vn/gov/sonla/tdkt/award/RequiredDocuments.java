package vn.gov.sonla.tdkt.award;

import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/** Which documents a dossier must carry: decided by required-documents.dmn. */
@Component
public class RequiredDocuments {

  private final DecisionService decisions;
  private final EngineAuthentication engineAuthentication;

  public RequiredDocuments(DecisionService decisions, EngineAuthentication engineAuthentication) {
    this.decisions = decisions;
    this.engineAuthentication = engineAuthentication;
  }

  /** Evaluated as the system: the rule applies whoever asks (officers may not run decisions themselves). */
  public List<DocumentType> forDossier(String awardType, AwardKind kind) {
    return engineAuthentication.asSystem(() -> decisions.evaluateDecisionTableByKey("required-documents",
            Variables.createVariables().putValue("awardType", awardType).putValue("awardKind", kind.name()))
        .<String>collectEntries("documentType").stream()
        .map(DocumentType::valueOf)
        .toList());
  }
}
