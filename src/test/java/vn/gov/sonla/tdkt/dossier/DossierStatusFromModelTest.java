package vn.gov.sonla.tdkt.dossier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.engine.DossierStatusPlugin;

/**
 * Status from the model (issue 19): every activity of commendation-dossier.bpmn that changes the dossier status
 * declares it as an extension property, the model holds no status expression of its own, and
 * {@link DossierStatusListener} is the only writer of the status in the code.
 */
class DossierStatusFromModelTest {

  static final Path MODEL = Path.of("processes/commendation-dossier.bpmn");

  /** Each activity that changes the status, with the event and the status: the whole status life of a dossier. */
  static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
      Map.entry("Task_Appraise", "dossierStatus=SUBMITTED, dossierStatusOnAssignment=IN_APPRAISAL"),
      Map.entry("Task_Supplement", "dossierStatus=AWAITING_SUPPLEMENT"),
      Map.entry("Task_ReturnOverdue", "dossierStatusOnEnd=RETURNED, dossierStatusReason=reason"),
      Map.entry("Task_ReturnRejected", "dossierStatusOnEnd=RETURNED, dossierStatusReason=reason"),
      Map.entry("Sub_Consultation", "dossierStatus=AWAITING_COUNCIL"),
      Map.entry("Task_ConsultationNotAwarded", "dossierStatusOnEnd=NOT_AWARDED, dossierStatusReason=reason"),
      Map.entry("Event_AwaitCouncilResolution", "dossierStatus=AWAITING_COUNCIL"),
      Map.entry("Task_CouncilNotPassed", "dossierStatusOnEnd=NOT_AWARDED, dossierStatusReason=reason"),
      Map.entry("StartEvent_Notice", "dossierStatus=PUBLIC_NOTICE"),
      Map.entry("Task_ObjectionNotAwarded", "dossierStatusOnEnd=NOT_AWARDED, dossierStatusReason=reason"),
      Map.entry("Event_AwaitStateSubmission", "dossierStatus=AWAITING_DECISION"),
      Map.entry("Event_AwaitCentralDecision", "dossierStatus=SUBMITTED_TO_STATE"),
      Map.entry("Task_RecordCentralAward", "dossierStatusOnEnd=AWARDED"),
      Map.entry("Task_CentralNotAwarded", "dossierStatusOnEnd=NOT_AWARDED, dossierStatusReason=reason"),
      Map.entry("Task_Withdraw", "dossierStatusOnEnd=WITHDRAWN, dossierStatusReason=withdrawalReason"),
      Map.entry("Task_Decide", "dossierStatus=AWAITING_DECISION"),
      Map.entry("Task_IssueDecision", "dossierStatusOnEnd=AWARDED"),
      Map.entry("Task_RecordRefusal", "dossierStatusOnEnd=NOT_AWARDED, dossierStatusReason=reason"),
      Map.entry("Event_AwaitDecisionBatch", "dossierStatus=AWAITING_DECISION"),
      Map.entry("Task_RecordBatchAward", "dossierStatusOnEnd=AWARDED"),
      Map.entry("Task_RecordBatchRefusal", "dossierStatusOnEnd=NOT_AWARDED, dossierStatusReason=reason")));

  static final List<String> STATUS_PROPERTIES = List.of(DossierStatusPlugin.ON_START, DossierStatusPlugin.ON_ASSIGNMENT,
      DossierStatusPlugin.ON_END, DossierStatusPlugin.REASON);

  static BpmnModelInstance model;

  @BeforeAll
  static void read() {
    model = Bpmn.readModelFromFile(MODEL.toFile());
  }

  private static Map<String, String> declared(FlowNode node) {
    Map<String, String> all = DossierStatusListener.declared(node);
    all.keySet().retainAll(STATUS_PROPERTIES);
    return new TreeMap<>(all);
  }

  @Test
  void everyActivityThatChangesTheStatusDeclaresIt() {
    Map<String, String> found = new TreeMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      Map<String, String> declared = declared(node);
      if (!declared.isEmpty()) {
        found.put(node.getId(), String.join(", ", declared.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
    }
    assertThat(found).isEqualTo(EXPECTED);
  }

  @Test
  void theDeclaredStatusesAreStatusesAndTheirEventsFitTheActivity() {
    List<String> statuses = Arrays.stream(DossierStatus.values()).map(Enum::name).toList();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      Map<String, String> declared = declared(node);
      for (String property : List.of(DossierStatusPlugin.ON_START, DossierStatusPlugin.ON_ASSIGNMENT,
          DossierStatusPlugin.ON_END)) {
        if (declared.containsKey(property)) {
          assertThat(statuses).as(node.getId()).contains(declared.get(property));
        }
      }
      if (declared.containsKey(DossierStatusPlugin.ON_ASSIGNMENT)) {
        assertThat(node).as(node.getId()).isInstanceOf(UserTask.class);
      }
      if (declared.containsKey(DossierStatusPlugin.ON_END)) {
        // a final status: the step records it, then the dossier's path ends
        assertThat(node).as(node.getId()).isInstanceOf(ServiceTask.class);
        assertThat(node.getSucceedingNodes().list()).as(node.getId())
            .allSatisfy(next -> assertThat(next.getElementType().getTypeName()).isEqualTo("endEvent"));
      }
      if ("reason".equals(declared.get(DossierStatusPlugin.REASON))) {
        // the reason is the step's own input parameter, still there when the step ends
        assertThat(node.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
            .getCamundaInputParameters().stream().map(CamundaInputParameter::getCamundaName))
            .as(node.getId()).contains("reason");
      }
    }
  }

  @Test
  void noModelWritesTheStatusByExpression() throws IOException {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        if (Files.readString(file).contains("dossierStatus.")) {
          offending.add(file.toString());
        }
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void theListenerIsTheOnlyWriterOfTheStatus() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("vn.gov.sonla.tdkt");
    noClasses().that().doNotBelongToAnyOf(DossierStatusListener.class)
        .should().callMethod(DossierRepository.class, "updateStatus", String.class, DossierStatus.class,
            String.class, java.time.OffsetDateTime.class)
        .because("the dossier status is written only by the listener the models declare it for")
        .check(classes);
    // a draft has no process: its withdrawal is the one change made outside a model
    noClasses().that().doNotBelongToAnyOf(DossierStatusListener.class, DossierService.class)
        .should().dependOnClassesThat().areAssignableTo(DossierStatusListener.class)
        .because("delegates and services leave the status to the model (extension property dossierStatus…)")
        .check(classes);
  }
}
