package vn.gov.sonla.tdkt.decision;

import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.ClosingDelegate;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * Tells the unit its dossier is not awarded, with the reason given by the model ({@code reason}); the status
 * {@code NOT_AWARDED} is declared on the model's step.
 */
@Component("recordNotAwarded")
public class RecordNotAwarded extends ClosingDelegate {

  public RecordNotAwarded(Notifications notifications) {
    super(notifications, "NOT_AWARDED");
  }

  @Override
  protected String message(String code, String reason) {
    return "Hồ sơ " + code + " không được khen thưởng. Lý do: " + reason;
  }
}
