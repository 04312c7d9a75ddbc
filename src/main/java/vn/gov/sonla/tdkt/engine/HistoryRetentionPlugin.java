package vn.gov.sonla.tdkt.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retention of finished process history: every deployed process gets the configured
 * {@code tdkt.history-time-to-live-days} (default 10 years), whatever its model says, so that the
 * retention is one setting. Cockpit can still change one definition's value afterwards.
 */
@Component
public class HistoryRetentionPlugin extends AbstractProcessEnginePlugin {

  private final int days;

  public HistoryRetentionPlugin(@Value("${tdkt.history-time-to-live-days:3650}") int days) {
    if (days <= 0) {
      throw new IllegalArgumentException("tdkt.history-time-to-live-days must be positive");
    }
    this.days = days;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(listener());
    configuration.setHistoryTimeToLive("P" + days + "D");
  }

  private BpmnParseListener listener() {
    return new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setHistoryTimeToLive(days);
      }
    };
  }
}
