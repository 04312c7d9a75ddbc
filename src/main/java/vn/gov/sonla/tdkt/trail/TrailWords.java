package vn.gov.sonla.tdkt.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.PersonNames;

/**
 * The words of the plain-language timeline: what the codes of the records mean to a person. Award types by their
 * catalogue names, statuses by the labels of the dossier pages ({@link DossierStatus#label()}), groups by the names
 * of the bodies, council sessions and decision batches as "đợt n năm y", times as "HH:mm ngày dd/MM/yyyy", steps by
 * their names in the model, and a task's submitted values by the labels of its form (the models and forms are the
 * source of the words; a value whose field is not on the form is not shown).
 */
@Component
class TrailWords {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** A decision batch's key: YYYY-R&lt;n&gt;-&lt;award type&gt; or YYYY-S&lt;n&gt;. */
  private static final Pattern BATCH_KEY = Pattern.compile("\\b(\\d{4})-([RS])(\\d+)(?:-([A-Z][A-Z0-9_]*))?\\b");
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2})?)?\\b");
  private static final String NO_FORM = "";

  /** A form's fields as people read them: its label, and the labels of the options of a choice. */
  record Field(String label, Map<String, String> options, boolean choice) {}

  private final AwardCatalog catalog;
  private final PersonNames personNames;
  private final RepositoryService repository;
  private final EngineAuthentication engine;
  private final Map<String, Map<String, Field>> forms = new ConcurrentHashMap<>();
  private final Map<String, String> formRefs = new ConcurrentHashMap<>();

  TrailWords(AwardCatalog catalog, PersonNames personNames, RepositoryService repository,
      EngineAuthentication engine) {
    this.catalog = catalog;
    this.personNames = personNames;
    this.repository = repository;
    this.engine = engine;
  }

  /** The award type's name in the catalogue ("Bằng khen của Chủ tịch UBND tỉnh"). */
  String award(String code) {
    return code == null ? "" : catalog.find(code).map(AwardType::name).orElse("hình thức khen thưởng khác");
  }

  /** The status as the dossier pages show it; "chưa có" for none. */
  static String status(Object status) {
    if (status == null) {
      return "chưa có";
    }
    try {
      return DossierStatus.valueOf(status.toString()).label();
    } catch (IllegalArgumentException e) {
      return "trạng thái khác";
    }
  }

  /** A person's full name, or a body's name (a group), as people write it. */
  String body(String id) {
    return personNames.recipient(id);
  }

  /** A council session's key (YYYY-R&lt;n&gt;) in words. */
  static String session(String key) {
    Matcher m = key == null ? null : Pattern.compile("(\\d{4})-R(\\d+)").matcher(key);
    return m != null && m.matches() ? "phiên họp đợt " + m.group(2) + " năm " + m.group(1) : "phiên họp";
  }

  /** A decision batch's key in words: "đợt 2 năm 2025, Bằng khen của Chủ tịch UBND tỉnh". */
  String batch(String key) {
    Matcher m = key == null ? null : BATCH_KEY.matcher(key);
    if (m == null || !m.matches()) {
      return "đợt quyết định";
    }
    return ("S".equals(m.group(2)) ? "đợt theo thủ tục đơn giản " : "đợt ") + m.group(3) + " năm " + m.group(1)
        + (m.group(4) == null ? "" : ", " + award(m.group(4)));
  }

  /** Free text of a record (a notification, a reason) with batch keys and ISO dates put in words. */
  String text(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = BATCH_KEY.matcher(text);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(s, Matcher.quoteReplacement(batch(m.group())));
    }
    m.appendTail(s);
    Matcher d = ISO_DATE.matcher(s.toString());
    StringBuilder out = new StringBuilder();
    while (d.find()) {
      d.appendReplacement(out, d.group(3) + "/" + d.group(2) + "/" + d.group(1));
    }
    d.appendTail(out);
    return out.toString();
  }

  /** A due date: "08:30 ngày 28/03/2025" (Vietnam time). */
  static String due(Date at) {
    return at == null ? "-" : DossierTrail.vn(at).format(DUE);
  }

  /** A time of the timeline: "08:30 28/03/2025" (Vietnam time). */
  static String when(OffsetDateTime at) {
    return at.atZoneSameInstant(DossierTrail.VN).format(WHEN);
  }

  /** The step's name in its model; "một bước của quy trình" when it has none. */
  String step(String processDefinitionId, String activityId) {
    return element(processDefinitionId, activityId).map(e -> e.getAttributeValue("name"))
        .filter(n -> n != null && !n.isBlank()).orElse("một bước của quy trình");
  }

  /** The fields of the form of a user task (by its {@code camunda:formRef}); empty when it has no such form. */
  Map<String, Field> form(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return Map.of();
    }
    String ref = formRefs.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey,
        k -> element(processDefinitionId, taskDefinitionKey)
            .filter(UserTask.class::isInstance).map(e -> ((UserTask) e).getCamundaFormRef())
            .orElse(NO_FORM));
    return ref == null || ref.isEmpty() ? Map.of() : forms.computeIfAbsent(ref, TrailWords::readForm);
  }

  /**
   * A submitted value in words: an option's label, "có"/"không", a date as dd/MM/yyyy, text as written. Null for a
   * value a person does not read (empty).
   */
  String value(Field field, Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b ? "có" : "không";
    }
    String option = field.options().get(value.toString());
    if (option != null) {
      return option;
    }
    try {
      return LocalDate.parse(value.toString()).format(DAY);
    } catch (RuntimeException notADay) {
      return text(value.toString());
    }
  }

  private Optional<ModelElementInstance> element(String processDefinitionId, String id) {
    if (processDefinitionId == null || id == null) {
      return Optional.empty();
    }
    BpmnModelInstance model = engine.asSystem(() -> repository.getBpmnModelInstance(processDefinitionId));
    ModelElementInstance element = model == null ? null : model.getModelElementById(id);
    return element instanceof FlowElement ? Optional.of(element) : Optional.empty();
  }

  /** The editable fields of a form in forms/ (key → label and options); read-only and display fields left out. */
  private static Map<String, Field> readForm(String ref) {
    Map<String, Field> fields = new LinkedHashMap<>();
    ClassPathResource resource = new ClassPathResource("forms/" + ref + ".form");
    if (!resource.exists()) {
      return fields;
    }
    try (InputStream in = resource.getInputStream()) {
      collect(new ObjectMapper().readTree(in).path("components"), fields);
    } catch (IOException e) {
      return fields;
    }
    return fields;
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode c : components) {
      String key = c.path("key").asText(null);
      boolean shown = !c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false);
      if (key != null && shown && c.hasNonNull("label")) {
        Map<String, String> options = new LinkedHashMap<>();
        c.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
        String type = c.path("type").asText();
        fields.put(key, new Field(c.get("label").asText(), options,
            type.equals("radio") || type.equals("select")));
      }
      collect(c.path("components"), fields);
    }
  }
}
