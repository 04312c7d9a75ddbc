package vn.gov.sonla.tdkt.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * A step that closes the dossier and tells whoever must know, with the reason (from the model's variable).
 * The final status is declared on the model's activity ({@code dossierStatusOnEnd}, with
 * {@code dossierStatusReason}) and applied by {@link DossierStatusListener} when the step ends. Subclasses name
 * the reason variable, the recipient and the message.
 */
public abstract class ClosingDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final String kind;

  protected ClosingDelegate(Notifications notifications, String kind) {
    this.notifications = notifications;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable(reasonVariable());
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
