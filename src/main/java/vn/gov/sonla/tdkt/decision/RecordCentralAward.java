package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The State awarded the dossier ({@code CentralDecision}): register entry, the unit told; the status
 * {@code AWARDED} is declared on the model's step.
 */
@Component("recordCentralAward")
public class RecordCentralAward implements JavaDelegate {

  private final DossierRepository dossiers;
  private final AwardRegistration registration;
  private final Notifications notifications;

  public RecordCentralAward(DossierRepository dossiers, AwardRegistration registration,
      Notifications notifications) {
    this.dossiers = dossiers;
    this.registration = registration;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Dossier dossier = dossiers.find(execution.getProcessBusinessKey()).orElseThrow();
    String number = (String) execution.getVariable("centralDecisionNumber");
    LocalDate date = LocalDate.parse((String) execution.getVariable("centralDecisionDate"));
    String decidedBy = (String) execution.getVariable("centralDecisionBy");
    registration.register(dossier, number, date, decidedBy);
    notifications.send(dossier.unitGroup(), dossier.code(), "AWARDED", "Hồ sơ " + dossier.code() + ": "
        + dossier.subjectName() + " được khen thưởng cấp Nhà nước theo Quyết định số " + number + " của " + decidedBy + ".");
  }
}
