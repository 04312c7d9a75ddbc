package vn.gov.sonla.tdkt.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The unit withdrew its dossier ({@code DossierWithdrawn}, variable {@code withdrawalReason}):
 * {@code WITHDRAWN}. Council sessions and State submissions skip dossiers no longer waiting for them.
 */
@Component("withdrawDossier")
public class WithdrawDossier implements JavaDelegate {

  private final DossierStatusListener status;
  private final Notifications notifications;

  public WithdrawDossier(DossierStatusListener status, Notifications notifications) {
    this.status = status;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable("withdrawalReason");
    status.set(execution, DossierStatus.WITHDRAWN, reason);
    notifications.send("home-affairs", execution.getProcessBusinessKey(), "DOSSIER_WITHDRAWN",
        "Đơn vị đã rút hồ sơ " + execution.getProcessBusinessKey() + ". Lý do: " + reason);
  }
}
