package vn.gov.sonla.tdkt.appraisal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.DossierStatusListener;
import vn.gov.sonla.tdkt.notification.Notifications;

/** Returns the dossier to its unit ({@code RETURNED}) with the reason given by the model ({@code reason}). */
@Component("returnDossier")
public class ReturnDossier implements JavaDelegate {

  private final DossierStatusListener status;
  private final Notifications notifications;

  public ReturnDossier(DossierStatusListener status, Notifications notifications) {
    this.status = status;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable("reason");
    status.set(execution, DossierStatus.RETURNED, reason);
    notifications.send((String) execution.getVariable("unitGroup"), execution.getProcessBusinessKey(),
        "DOSSIER_RETURNED", "Hồ sơ " + execution.getProcessBusinessKey() + " bị trả lại. Lý do: " + reason);
  }
}
