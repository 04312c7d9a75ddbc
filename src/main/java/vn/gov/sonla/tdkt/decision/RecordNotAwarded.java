package vn.gov.sonla.tdkt.decision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.DossierStatusListener;
import vn.gov.sonla.tdkt.notification.Notifications;

/** Closes the dossier as {@code NOT_AWARDED} with the reason given by the model ({@code reason}). */
@Component("recordNotAwarded")
public class RecordNotAwarded implements JavaDelegate {

  private final DossierStatusListener status;
  private final Notifications notifications;

  public RecordNotAwarded(DossierStatusListener status, Notifications notifications) {
    this.status = status;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable("reason");
    status.set(execution, DossierStatus.NOT_AWARDED, reason);
    notifications.send((String) execution.getVariable("unitGroup"), execution.getProcessBusinessKey(),
        "NOT_AWARDED", "Hồ sơ " + execution.getProcessBusinessKey() + " không được khen thưởng. Lý do: " + reason);
  }
}
