package vn.gov.sonla.tdkt.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * A step that closes the dossier with a final status and a reason (from the model's variable), and
 * tells whoever must know. Subclasses name the status, the reason variable, the recipient and the message.
 */
public abstract class ClosingDelegate implements JavaDelegate {

  private final DossierStatusListener status;
  private final Notifications notifications;
  private final DossierStatus target;
  private final String kind;

  protected ClosingDelegate(DossierStatusListener status, Notifications notifications, DossierStatus target,
      String kind) {
    this.status = status;
    this.notifications = notifications;
    this.target = target;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable(reasonVariable());
    status.set(execution, target, reason);
    notifications.send(recipient(execution), execution.getProcessBusinessKey(), kind,
        message(execution.getProcessBusinessKey(), reason));
  }

  /** The variable holding the reason; by default the model's input parameter {@code reason}. */
  protected String reasonVariable() {
    return "reason";
  }

  /** By default the proposing unit's group. */
  protected String recipient(DelegateExecution execution) {
    return (String) execution.getVariable("unitGroup");
  }

  protected abstract String message(String dossierCode, String reason);
}
