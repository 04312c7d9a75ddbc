package vn.gov.sonla.tdkt.plan;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tdkt.plan.*}: the table from the unit names written in a plan to the Camunda groups that act for them.
 *
 * @param units one entry per unit: every wording the plans use for it, and its groups
 */
@ConfigurationProperties("tdkt.plan")
public record PlanProperties(List<UnitEntry> units) {

  public PlanProperties {
    units = units == null ? List.of() : List.copyOf(units);
  }

  /**
   * @param names the wordings of one unit in the plans ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh")
   * @param groups the group ids that act for it
   */
  public record UnitEntry(List<String> names, List<String> groups) {
    public UnitEntry {
      names = names == null ? List.of() : List.copyOf(names);
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
