package vn.gov.sonla.tdkt.dossier;

import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Which documents a dossier must carry: decided by required-documents.dmn. */
@Component
public class RequiredDocuments {

  private final DecisionService decisions;

  public RequiredDocuments(DecisionService decisions) {
    this.decisions = decisions;
  }

  public List<DocumentType> forDossier(String awardType, AwardKind kind) {
    return decisions.evaluateDecisionTableByKey("required-documents",
            Variables.createVariables().putValue("awardType", awardType).putValue("awardKind", kind.name()))
        .collectEntries("documentType").stream()
        .map(o -> DocumentType.valueOf((String) o))
        .toList();
  }
}
