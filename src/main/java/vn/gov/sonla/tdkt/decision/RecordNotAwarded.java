package vn.gov.sonla.tdkt.decision;

import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.ClosingDelegate;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.DossierStatusListener;
import vn.gov.sonla.tdkt.notification.Notifications;

/** Closes the dossier as {@code NOT_AWARDED} with the reason given by the model ({@code reason}). */
@Component("recordNotAwarded")
public class RecordNotAwarded extends ClosingDelegate {

  public RecordNotAwarded(DossierStatusListener status, Notifications notifications) {
    super(status, notifications, DossierStatus.NOT_AWARDED, "NOT_AWARDED");
  }

  @Override
  protected String message(String code, String reason) {
    return "Hồ sơ " + code + " không được khen thưởng. Lý do: " + reason;
  }
}
