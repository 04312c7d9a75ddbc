package vn.gov.sonla.tdkt.dossier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the dossier read model in step with the process, in the engine's transaction
 * ({@code ${dossierStatus.set(execution, 'STATUS')}} in the models). The status is also kept as the
 * process variable {@code status}, so the engine's history records every change and when.
 */
@Component("dossierStatus")
public class DossierStatusListener {

  private final DossierRepository dossiers;

  public DossierStatusListener(DossierRepository dossiers) {
    this.dossiers = dossiers;
  }

  public void set(DelegateExecution execution, String status) {
    set(execution, DossierStatus.valueOf(status), null);
  }

  public void set(DelegateExecution execution, DossierStatus status, String reason) {
    String code = execution.getProcessBusinessKey();
    if (dossiers.updateStatus(code, status, reason, DossierService.now()) != 1) {
      throw new ProcessEngineException("Không có hồ sơ " + code + ": hồ sơ phải được nộp qua trang nộp hồ sơ"
          + " hoặc POST /api/dossiers.");
    }
    execution.setVariable("status", status.name());
  }
}
