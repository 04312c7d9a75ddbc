package vn.gov.sonla.tdkt.appraisal;

import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.ClosingDelegate;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * Tells the unit its dossier is returned, with the reason given by the model ({@code reason}); the status
 * {@code RETURNED} is declared on the model's step.
 */
@Component("returnDossier")
public class ReturnDossier extends ClosingDelegate {

  public ReturnDossier(Notifications notifications) {
    super(notifications, "DOSSIER_RETURNED");
  }

  @Override
  protected String message(String code, String reason) {
    return "Hồ sơ " + code + " bị trả lại. Lý do: " + reason;
  }
}
