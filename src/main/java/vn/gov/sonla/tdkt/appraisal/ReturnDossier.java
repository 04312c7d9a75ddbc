package vn.gov.sonla.tdkt.appraisal;

import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.ClosingDelegate;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.DossierStatusListener;
import vn.gov.sonla.tdkt.notification.Notifications;

/** Returns the dossier to its unit ({@code RETURNED}) with the reason given by the model ({@code reason}). */
@Component("returnDossier")
public class ReturnDossier extends ClosingDelegate {

  public ReturnDossier(DossierStatusListener status, Notifications notifications) {
    super(status, notifications, DossierStatus.RETURNED, "DOSSIER_RETURNED");
  }

  @Override
  protected String message(String code, String reason) {
    return "Hồ sơ " + code + " bị trả lại. Lý do: " + reason;
  }
}
