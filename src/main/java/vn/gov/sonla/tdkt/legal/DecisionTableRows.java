package vn.gov.sonla.tdkt.legal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The rows of a DMN file as legal values: per rule, its conditions and outputs as the value, and its source — the
 * rule's {@code article} output where the table has one (criteria tables), else the rule's description.
 */
public final class DecisionTableRows {

  private DecisionTableRows() {}

  public static List<LegalValue> read(InputStream dmn, String versionTag) {
    DmnModelInstance model = Dmn.readModelFromStream(dmn);
    List<LegalValue> rows = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      DecisionTable table = decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
      if (table == null) {
        continue;
      }
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      int article = -1;
      for (int i = 0; i < outputs.size(); i++) {
        if ("article".equals(outputs.get(i).getName())) {
          article = i;
        }
      }
      for (Rule rule : table.getRules()) {
        List<OutputEntry> out = new ArrayList<>(rule.getOutputEntries());
        String conditions = rule.getInputEntries().stream().map(InputEntry::getTextContent).map(String::strip)
            .filter(t -> !t.isEmpty() && !t.equals("-")).collect(Collectors.joining("; "));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
          if (i != article) {
            values.add(outputs.get(i).getName() + " = " + out.get(i).getTextContent().strip());
          }
        }
        String description = rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip();
        String source = article >= 0 ? unquote(out.get(article).getTextContent().strip()) : description;
        rows.add(new LegalValue("DMN", decision.getId() + "/" + rule.getId(),
            decision.getName() + (versionTag == null ? "" : " (" + versionTag + ")"),
            (conditions.isEmpty() ? "mọi trường hợp" : conditions) + " → " + String.join(", ", values),
            null, null, source, LegalValue.Reading.of(source + " " + description)));
      }
    }
    return rows;
  }

  static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  static List<LegalValue> readAll(Collection<InputStream> files) {
    return files.stream().flatMap(f -> read(f, null).stream()).toList();
  }
}
