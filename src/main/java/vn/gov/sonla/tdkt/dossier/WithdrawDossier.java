package vn.gov.sonla.tdkt.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * The unit withdrew its dossier ({@code DossierWithdrawn}, variable {@code withdrawalReason}):
 * home-affairs is told ({@code WITHDRAWN} is declared on the model's step). Council sessions and State
 * submissions skip it.
 */
@Component("withdrawDossier")
public class WithdrawDossier extends ClosingDelegate {

  public WithdrawDossier(Notifications notifications) {
    super(notifications, "DOSSIER_WITHDRAWN");
  }

  @Override
  protected String reasonVariable() {
    return "withdrawalReason";
  }

  @Override
  protected String recipient(DelegateExecution execution) {
    return Groups.HOME_AFFAIRS;
  }

  @Override
  protected String message(String code, String reason) {
    return "Đơn vị đã rút hồ sơ " + code + ". Lý do: " + reason;
  }
}
