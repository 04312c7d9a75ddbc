package vn.gov.sonla.tdkt.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Status from the model: an activity declares the dossier status it brings as an extension property, and one
 * listener, the bean {@value #LISTENER_BEAN} ({@code dossier.DossierStatusListener}), applies it. This plugin's
 * parse listener looks at every activity of every deployed model and registers that listener (resolved by name,
 * so a Spring bean in the application and a {@code Mocks} entry in engine-alone tests) for each event the
 * activity declares a status on:
 * <ul>
 * <li>{@value #ON_START}: when the activity starts (a task, a waiting event, a subprocess, a start event);</li>
 * <li>{@value #ON_ASSIGNMENT}: when the user task is assigned (claimed or given);</li>
 * <li>{@value #ON_END}: when the activity ends, after its delegate did its work (a decision issued, a dossier
 * returned), with the reason from the variable named by {@value #REASON} if declared.</li>
 * </ul>
 * The listeners are ordinary (not built-in) listeners, as the model's own: a modification that skips custom
 * listeners skips them too. A start listener runs before the model's own start listeners.
 */
@Component
public class DossierStatusPlugin extends AbstractProcessEnginePlugin {

  /** The status the dossier takes when the activity starts. */
  public static final String ON_START = "dossierStatus";
  /** The status the dossier takes when the user task is assigned. */
  public static final String ON_ASSIGNMENT = "dossierStatusOnAssignment";
  /** The status the dossier takes when the activity ends. */
  public static final String ON_END = "dossierStatusOnEnd";
  /** The name of the variable holding the reason of the change (optional). */
  public static final String REASON = "dossierStatusReason";
  /** The listener's name ({@code ${dossierStatus}}). */
  public static final String LISTENER_BEAN = "dossierStatus";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new ParseListener(configuration));
  }

  /** The extension properties ({@code camunda:properties}) of a model element, by name. */
  static Map<String, String> properties(Element element) {
    Map<String, String> properties = new TreeMap<>();
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return properties;
    }
    for (Element group : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
      for (Element property : group.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        properties.put(property.attribute("name"), property.attribute("value"));
      }
    }
    return properties;
  }

  static final class ParseListener extends AbstractBpmnParseListener {

    private final ProcessEngineConfigurationImpl configuration;

    ParseListener(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    private Expression listenerBean() {
      ExpressionManager expressions = configuration.getExpressionManager();
      return expressions.createExpression("${" + LISTENER_BEAN + "}");
    }

    void attach(Element element, ActivityImpl activity) {
      Map<String, String> declared = properties(element);
      if (declared.containsKey(ON_START)) {
        activity.addListener(ExecutionListener.EVENTNAME_START,
            new DelegateExpressionExecutionListener(listenerBean(), List.of()), 0);
      }
      if (declared.containsKey(ON_END)) {
        activity.addListener(ExecutionListener.EVENTNAME_END,
            new DelegateExpressionExecutionListener(listenerBean(), List.of()));
      }
      if (declared.containsKey(ON_ASSIGNMENT)) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
          throw new IllegalStateException(ON_ASSIGNMENT + " on " + activity.getId() + ", which is not a user task");
        }
        userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
            new DelegateExpressionTaskListener(listenerBean(), List.of()));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseExclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseInclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseParallelGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseTransaction(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }
  }
}
