package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * A dossier awarded by its batch's decision ({@code decisionNumber}, {@code decisionDate}, {@code batchKey}): its
 * decision number, one award register entry, the unit told ({@code AWARDED} is declared on the model's step).
 */
@Component("recordBatchAward")
public class RecordBatchAward implements JavaDelegate {

  private final DossierRepository dossiers;
  private final AwardRegistration registration;
  private final Notifications notifications;
  private final AwardCatalog catalog;
  private final AuditLog audit;

  public RecordBatchAward(DossierRepository dossiers, AwardRegistration registration,
      Notifications notifications, AwardCatalog catalog, AuditLog audit) {
    this.dossiers = dossiers;
    this.registration = registration;
    this.notifications = notifications;
    this.catalog = catalog;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    Dossier dossier = dossiers.find(code).orElseThrow();
    String number = (String) execution.getVariable("decisionNumber");
    Object date = execution.getVariable("decisionDate");
    LocalDate day = date instanceof java.sql.Date d ? d.toLocalDate()
        : date instanceof java.util.Date d ? new java.sql.Date(d.getTime()).toLocalDate() : LocalDate.parse((String) date);
    dossiers.setDecisionNumber(code, number);
    audit.append(code, AuditLog.DECISION_ISSUED, AuditLog.detail("number", number, "date", day,
        "signedBy", execution.getVariable("decidedBy"), "batch", execution.getVariable("batchKey")));
    registration.register(dossier, number, day, "Chủ tịch UBND tỉnh Sơn La");
    notifications.send(dossier.unitGroup(), code, "AWARDED", "Hồ sơ " + code + ": " + dossier.subjectName()
        + " được tặng " + catalog.get(dossier.awardType()).name() + " theo Quyết định số " + number + ".");
  }
}
