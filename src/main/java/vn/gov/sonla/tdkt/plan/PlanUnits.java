package vn.gov.sonla.tdkt.plan;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The units named in a plan and the groups acting for them ({@code tdkt.plan.units}). A name matches whatever its
 * case, Unicode form (NFC), inner runs of spaces and surrounding spaces or punctuation (a leading "- " bullet, a
 * trailing ';' or '.').
 */
@Component
public class PlanUnits {

  private final Map<String, List<String>> groupsByName = new LinkedHashMap<>();

  public PlanUnits(PlanProperties properties) {
    for (PlanProperties.UnitEntry entry : properties.units()) {
      for (String name : entry.names()) {
        String key = normalise(name);
        if (key.isEmpty()) {
          continue;
        }
        Set<String> groups = new LinkedHashSet<>(groupsByName.getOrDefault(key, List.of()));
        groups.addAll(entry.groups());
        groupsByName.put(key, List.copyOf(groups));
      }
    }
  }

  /** The groups acting for that unit; empty if the unit is unknown. */
  public List<String> groupsFor(String unitName) {
    return unitName == null ? List.of() : groupsByName.getOrDefault(normalise(unitName), List.of());
  }

  public boolean isKnown(String unitName) {
    return unitName != null && groupsByName.containsKey(normalise(unitName));
  }

  /** NFC, lower case, runs of white space as one space, no surrounding spaces or punctuation. */
  static String normalise(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\u00A0]+", " ");
    int start = 0;
    int end = s.length();
    while (start < end && trimmable(s.charAt(start))) {
      start++;
    }
    while (end > start && trimmable(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean trimmable(char c) {
    return Character.isWhitespace(c) || c == '-' || c == '–' || c == '•' || c == ';' || c == '.' || c == ','
        || c == ':';
  }
}
