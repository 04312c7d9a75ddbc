package vn.gov.sonla.tdkt.dossier;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.audit.AuditLog;
import vn.gov.sonla.tdkt.engine.DossierStatusPlugin;
import vn.gov.sonla.tdkt.engine.EngineClock;

/**
 * The one writer of the dossier status: keeps the dossier read model in step with the process, in the engine's
 * transaction. Each activity of the model declares the status it brings as an extension property
 * ({@code <camunda:property name="dossierStatus" value="AWAITING_COUNCIL"/>}, see {@link DossierStatusPlugin} for
 * the events), and the plugin registers this listener on it. The status is also kept as the process variable
 * {@code status}, so the engine's history records every change and when; each change is also an audit record
 * ({@code STATUS_CHANGED}). A draft (no process yet) is withdrawn through {@link #change} by {@link DossierService}.
 */
@Component(DossierStatusPlugin.LISTENER_BEAN)
public class DossierStatusListener implements ExecutionListener, TaskListener {

  /** Elements remembered; beyond this (many deployed versions), they are read from the model each time. */
  static final int MAX_ELEMENTS = 10_000;

  private final DossierRepository dossiers;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Map<String, String>> declaredByElement = new ConcurrentHashMap<>();

  public DossierStatusListener(DossierRepository dossiers, AuditLog audit, Clock clock) {
    this.clock = clock;
    this.dossiers = dossiers;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String property = ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
        ? DossierStatusPlugin.ON_END : DossierStatusPlugin.ON_START;
    apply(execution, declared(execution.getProcessDefinitionId(), execution.getCurrentActivityId(),
        execution::getBpmnModelElementInstance), property);
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      apply(task.getExecution(), declared(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
          task::getBpmnModelElementInstance), DossierStatusPlugin.ON_ASSIGNMENT);
    }
  }

  /**
   * The properties an element of a deployed definition declares, read from the model once (a deployed definition
   * does not change; a new version has a new id).
   */
  private Map<String, String> declared(String processDefinitionId, String elementId,
      Supplier<? extends BaseElement> element) {
    if (processDefinitionId == null || elementId == null) {
      return declared(element.get());
    }
    String key = processDefinitionId + '\n' + elementId;
    Map<String, String> known = declaredByElement.get(key);
    if (known == null) {
      known = java.util.Collections.unmodifiableMap(declared(element.get()));
      if (declaredByElement.size() < MAX_ELEMENTS) {
        declaredByElement.putIfAbsent(key, known);
      }
    }
    return known;
  }

  private void apply(DelegateExecution execution, Map<String, String> declared, String property) {
    String status = declared.get(property);
    if (status == null) {
      return;
    }
    String reasonVariable = declared.get(DossierStatusPlugin.REASON);
    Object reason = reasonVariable == null ? null : execution.getVariable(reasonVariable);
    change(execution.getProcessBusinessKey(), DossierStatus.valueOf(status), reason == null ? null : reason.toString());
    execution.setVariable("status", status);
  }

  /** The extension properties the model declares on the element. */
  static Map<String, String> declared(BaseElement element) {
    Map<String, String> declared = new HashMap<>();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions == null) {
      return declared;
    }
    for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        declared.put(property.getCamundaName(), property.getCamundaValue());
      }
    }
    return declared;
  }

  /** Changes the read model and records the change; also for a dossier without a process (a draft). */
  public void change(String code, DossierStatus status, String reason) {
    DossierStatus from = dossiers.status(code).orElse(null);
    if (dossiers.updateStatus(code, status, reason, EngineClock.utc(clock)) != 1) {
      throw new ProcessEngineException("Không có hồ sơ " + code + ": hồ sơ phải được nộp qua trang nộp hồ sơ"
          + " hoặc POST /api/dossiers.");
    }
    if (from != status) {
      audit.append(code, AuditLog.STATUS_CHANGED, AuditLog.detail("from", from, "to", status, "reason", reason));
    }
  }
}
