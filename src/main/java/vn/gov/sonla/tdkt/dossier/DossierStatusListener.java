package vn.gov.sonla.tdkt.dossier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;

/**
 * Keeps the dossier read model in step with the process, in the engine's transaction
 * ({@code ${dossierStatus.set(execution, 'STATUS')}} in the models). The status is also kept as the
 * process variable {@code status}, so the engine's history records every change and when; each change
 * is also an audit record ({@code STATUS_CHANGED}).
 */
@Component("dossierStatus")
public class DossierStatusListener {

  private final DossierRepository dossiers;
  private final AuditLog audit;

  public DossierStatusListener(DossierRepository dossiers, AuditLog audit) {
    this.dossiers = dossiers;
    this.audit = audit;
  }

  public void set(DelegateExecution execution, String status) {
    set(execution, DossierStatus.valueOf(status), null);
  }

  public void set(DelegateExecution execution, DossierStatus status, String reason) {
    change(execution.getProcessBusinessKey(), status, reason);
    execution.setVariable("status", status.name());
  }

  /** Changes the read model and records the change; also for a dossier without a process (a draft). */
  public void change(String code, DossierStatus status, String reason) {
    DossierStatus from = dossiers.find(code).map(Dossier::status).orElse(null);
    if (dossiers.updateStatus(code, status, reason, DossierService.now()) != 1) {
      throw new ProcessEngineException("Không có hồ sơ " + code + ": hồ sơ phải được nộp qua trang nộp hồ sơ"
          + " hoặc POST /api/dossiers.");
    }
    if (from != status) {
      audit.append(code, AuditLog.STATUS_CHANGED, AuditLog.detail("from", from, "to", status, "reason", reason));
    }
  }
}
