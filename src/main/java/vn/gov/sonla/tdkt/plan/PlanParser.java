package vn.gov.sonla.tdkt.plan;

import java.io.InputStream;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads a plan file (YAML, format in the README, section "The yearly plan"). Everything is checked and every error
 * collected with its line and field; a plan with any error is refused whole ({@link PlanValidationException}).
 */
@Component
public class PlanParser {

  static final String YAML_FIELD = "yaml";
  private static final Set<String> PLAN_FIELDS = Set.of("year", "number", "issuedOn", "title", "items");
  private static final Set<String> ITEM_FIELDS =
      Set.of("section", "number", "content", "timing", "lead", "coordinating", "kind", "round");
  private static final List<String> SECTIONS = List.of("I", "II", "III", "IV", "V");
  private static final String KINDS =
      Arrays.stream(PlanItemKind.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final PlanUnits units;

  public PlanParser(PlanUnits units) {
    this.units = units;
  }

  /**
   * The plan in that YAML (UTF-8).
   *
   * @throws PlanValidationException with every error found, if there is any
   */
  public Plan parse(InputStream yaml) throws PlanValidationException {
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new UnicodeReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new PlanValidationException(List.of(new PlanError(mark == null ? 1 : mark.getLine() + 1, YAML_FIELD,
          "Tệp kế hoạch sai cú pháp YAML: " + e.getProblem())));
    } catch (YAMLException e) {
      throw new PlanValidationException(
          List.of(new PlanError(1, YAML_FIELD, "Tệp kế hoạch không đọc được: " + e.getMessage())));
    }
    List<PlanError> errors = new ArrayList<>();
    if (!(root instanceof MappingNode mapping)) {
      errors.add(new PlanError(root == null ? 1 : line(root), YAML_FIELD,
          "Tệp kế hoạch phải là một bảng các trường year, number, issuedOn, title, items."));
      throw new PlanValidationException(errors);
    }
    Map<String, NodeTuple> fields = fields(mapping, PLAN_FIELDS, errors);

    Integer year = integer(fields.get("year"), "year", "năm của kế hoạch", errors);
    if (fields.get("year") == null) {
      errors.add(new PlanError(line(mapping), "year", "Thiếu năm của kế hoạch (year)."));
    } else if (year != null && (year < 2000 || year > 2100)) {
      errors.add(new PlanError(line(fields.get("year").getValueNode()), "year", "Năm " + year + " không hợp lệ."));
      year = null;
    }
    String number = text(fields.get("number"), "number", errors);
    String issuedOn = text(fields.get("issuedOn"), "issuedOn", errors);
    if (issuedOn != null) {
      try {
        LocalDate.parse(issuedOn);
      } catch (DateTimeException e) {
        errors.add(new PlanError(line(fields.get("issuedOn").getValueNode()), "issuedOn",
            "Ngày ban hành \"" + issuedOn + "\" không hợp lệ: dùng dạng YYYY-MM-DD."));
      }
    }
    String title = text(fields.get("title"), "title", errors);

    List<PlanItem> items = new ArrayList<>();
    NodeTuple itemsField = fields.get("items");
    if (itemsField == null) {
      errors.add(new PlanError(line(mapping), "items", "Thiếu danh sách nhiệm vụ (items)."));
    } else if (!(itemsField.getValueNode() instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      errors.add(new PlanError(line(itemsField.getValueNode()), "items",
          "Danh sách nhiệm vụ (items) phải là một danh sách không rỗng."));
    } else {
      Map<String, Integer> seen = new HashMap<>();
      for (Node node : sequence.getValue()) {
        PlanItem item = item(node, year, seen, errors);
        if (item != null) {
          items.add(item);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new PlanValidationException(errors);
    }
    return new Plan(year, number, issuedOn, title, items);
  }

  private PlanItem item(Node node, Integer year, Map<String, Integer> seen, List<PlanError> errors) {
    int itemLine = line(node);
    if (!(node instanceof MappingNode mapping)) {
      errors.add(new PlanError(itemLine, "items", "Mỗi nhiệm vụ phải là một bảng các trường "
          + "section, number, content, timing, lead, coordinating, kind, round."));
      return null;
    }
    int before = errors.size();
    Map<String, NodeTuple> fields = fields(mapping, ITEM_FIELDS, errors);

    String section = required(fields, "section", "mục (section)", itemLine, errors);
    if (section != null && !SECTIONS.contains(section)) {
      errors.add(new PlanError(line(fields.get("section").getValueNode()), "section",
          "Mục \"" + section + "\" không hợp lệ: dùng I, II, III, IV (quý) hoặc V (thường xuyên)."));
      section = null;
    }
    Integer number = integer(fields.get("number"), "number", "số thứ tự", errors);
    if (fields.get("number") == null) {
      errors.add(new PlanError(itemLine, "number", "Thiếu số thứ tự (number)."));
    } else if (number != null && number < 1) {
      errors.add(new PlanError(line(fields.get("number").getValueNode()), "number",
          "Số thứ tự phải là số nguyên dương."));
      number = null;
    }
    if (section != null && number != null) {
      String key = section + "." + number;
      Integer first = seen.putIfAbsent(key, line(fields.get("number").getValueNode()));
      if (first != null) {
        errors.add(new PlanError(line(fields.get("number").getValueNode()), "number",
            "Số thứ tự " + key + " bị trùng với nhiệm vụ ở dòng " + first + "."));
      }
    }
    String where = section != null && number != null ? " (nhiệm vụ " + section + "." + number + ")" : "";

    String content = required(fields, "content", "nội dung (content)" + where, itemLine, errors);
    String timing = required(fields, "timing", "thời gian (timing)" + where, itemLine, errors);
    if (timing != null) {
      checkTiming(timing, section, year, line(fields.get("timing").getValueNode()), where, errors);
    }
    String lead = required(fields, "lead", "đơn vị chủ trì (lead)" + where, itemLine, errors);
    if (lead != null) {
      checkUnit(lead, "lead", line(fields.get("lead").getValueNode()), errors);
    }
    List<String> coordinating = coordinating(fields.get("coordinating"), errors);

    PlanItemKind kind = null;
    String kindText = text(fields.get("kind"), "kind", errors);
    if (kindText != null) {
      try {
        kind = PlanItemKind.valueOf(kindText);
      } catch (IllegalArgumentException e) {
        errors.add(new PlanError(line(fields.get("kind").getValueNode()), "kind",
            "Loại nhiệm vụ \"" + kindText + "\" không hợp lệ: dùng một trong " + KINDS + "."));
      }
    }
    Integer round = integer(fields.get("round"), "round", "đợt", errors);
    boolean roundKind = kind == PlanItemKind.COUNCIL_ROUND || kind == PlanItemKind.STATE_SUBMISSION;
    if (roundKind && fields.get("round") == null) {
      errors.add(new PlanError(itemLine, "round",
          "Thiếu đợt (round) cho nhiệm vụ loại " + kind + where + "."));
    } else if (fields.get("round") != null && round != null) {
      if (round < 1) {
        errors.add(new PlanError(line(fields.get("round").getValueNode()), "round", "Đợt phải là số nguyên dương."));
      } else if (kind != null && !roundKind) {
        errors.add(new PlanError(line(fields.get("round").getValueNode()), "round",
            "Đợt (round) chỉ dùng cho nhiệm vụ loại COUNCIL_ROUND hoặc STATE_SUBMISSION" + where + "."));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new PlanItem(itemLine, section, number, content, timing, lead, coordinating, kind, round);
  }

  private void checkTiming(String timing, String section, Integer year, int line, String where,
      List<PlanError> errors) {
    boolean recurringSection = "V".equals(section);
    if (PlanSchedule.RECURRING.equals(timing)) {
      if (section != null && !recurringSection) {
        errors.add(new PlanError(line, "timing", "Nhiệm vụ của quý " + section
            + " phải có thời gian là một tháng của quý hoặc \"Trong quý " + section + "\", không phải \""
            + timing + "\"" + where + "."));
      }
      return;
    }
    if (recurringSection) {
      errors.add(new PlanError(line, "timing", "Nhiệm vụ thường xuyên (mục V) phải có thời gian \""
          + PlanSchedule.RECURRING + "\", không phải \"" + timing + "\"" + where + "."));
      return;
    }
    Matcher month = PlanSchedule.MONTH.matcher(timing);
    if (month.matches()) {
      int m = Integer.parseInt(month.group(1));
      int y = Integer.parseInt(month.group(2));
      if (m < 1 || m > 12) {
        errors.add(new PlanError(line, "timing", "Tháng " + m + " không hợp lệ trong \"" + timing + "\"" + where + "."));
      } else if (year != null && y != year) {
        errors.add(new PlanError(line, "timing",
            "Năm " + y + " trong \"" + timing + "\" khác năm của kế hoạch (" + year + ")" + where + "."));
      } else if (section != null && (m - 1) / 3 != SECTIONS.indexOf(section)) {
        errors.add(new PlanError(line, "timing",
            "Tháng " + m + "/" + y + " không thuộc quý " + section + where + "."));
      }
      return;
    }
    Matcher quarter = PlanSchedule.QUARTER.matcher(timing);
    if (quarter.matches()) {
      if (section != null && !quarter.group(1).equals(section)) {
        errors.add(new PlanError(line, "timing",
            "\"" + timing + "\" không khớp với mục quý " + section + where + "."));
      }
      return;
    }
    errors.add(new PlanError(line, "timing", "Thời gian \"" + timing + "\" không hợp lệ" + where
        + ": dùng tháng dạng MM/YYYY (hoặc M/YYYY), \"Trong quý I\" … \"Trong quý IV\" hoặc \"Thường xuyên\"."));
  }

  private void checkUnit(String unit, String field, int line, List<PlanError> errors) {
    if (!units.isKnown(unit)) {
      errors.add(new PlanError(line, field,
          "Đơn vị \"" + unit + "\" không có trong bảng đơn vị (tdkt.plan.units)."));
    }
  }

  /** A list of unit names, or one text whose names are separated by ';'. */
  private List<String> coordinating(NodeTuple field, List<PlanError> errors) {
    List<String> names = new ArrayList<>();
    if (field == null || isNull(field.getValueNode())) {
      return names;
    }
    Node value = field.getValueNode();
    if (value instanceof ScalarNode scalar) {
      for (String part : clean(scalar.getValue()).split(";")) {
        if (!part.isBlank()) {
          names.add(part.strip());
          checkUnit(part.strip(), "coordinating", line(scalar), errors);
        }
      }
    } else if (value instanceof SequenceNode sequence) {
      for (Node node : sequence.getValue()) {
        if (!(node instanceof ScalarNode scalar) || isNull(node) || clean(scalar.getValue()).isEmpty()) {
          errors.add(new PlanError(line(node), "coordinating", "Tên đơn vị phối hợp phải là một chuỗi không rỗng."));
          continue;
        }
        String name = clean(scalar.getValue());
        names.add(name);
        checkUnit(name, "coordinating", line(node), errors);
      }
    } else {
      errors.add(new PlanError(line(value), "coordinating",
          "Đơn vị phối hợp (coordinating) phải là một danh sách tên đơn vị."));
    }
    return names;
  }

  /** The mapping's fields by name; unknown and repeated fields are errors. */
  private static Map<String, NodeTuple> fields(MappingNode mapping, Set<String> allowed, List<PlanError> errors) {
    Map<String, NodeTuple> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : null;
      if (key == null || !allowed.contains(key)) {
        errors.add(new PlanError(line(keyNode), key == null ? YAML_FIELD : key,
            "Trường \"" + key + "\" không được hỗ trợ; các trường hợp lệ: "
                + allowed.stream().sorted().collect(Collectors.joining(", ")) + "."));
      } else if (fields.containsKey(key)) {
        errors.add(new PlanError(line(keyNode), key, "Trường \"" + key + "\" bị khai báo hai lần."));
      } else {
        fields.put(key, tuple);
      }
    }
    return fields;
  }

  /** The text of a required field; missing or blank is an error. */
  private static String required(Map<String, NodeTuple> fields, String field, String what, int itemLine,
      List<PlanError> errors) {
    NodeTuple tuple = fields.get(field);
    String value = text(tuple, field, errors);
    if (value == null || value.isEmpty()) {
      if (tuple == null || isNull(tuple.getValueNode())
          || tuple.getValueNode() instanceof ScalarNode) {
        errors.add(new PlanError(tuple == null ? itemLine : line(tuple.getValueNode()), field,
            "Thiếu " + what + "."));
      }
      return null;
    }
    return value;
  }

  /** The text of an optional scalar field (NFC, stripped), null if absent. */
  private static String text(NodeTuple tuple, String field, List<PlanError> errors) {
    if (tuple == null || isNull(tuple.getValueNode())) {
      return null;
    }
    if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
      errors.add(new PlanError(line(tuple.getValueNode()), field, "Trường \"" + field + "\" phải là một chuỗi."));
      return null;
    }
    return clean(scalar.getValue());
  }

  private static Integer integer(NodeTuple tuple, String field, String what, List<PlanError> errors) {
    String value = text(tuple, field, errors);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      errors.add(new PlanError(line(tuple.getValueNode()), field,
          "Giá trị \"" + value + "\" của " + what + " (" + field + ") phải là số nguyên."));
      return null;
    }
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static String clean(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFC).strip();
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
  }
}
