package vn.gov.sonla.tdkt.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's view of a plan's progress: each item's state as shown to people (done beats overdue; an item not
 * done is overdue once flagged so or once its due date has passed), and the counts per quarter (sections I–IV, V
 * for the recurring work) and per lead unit.
 */
public final class PlanProgress {

  /** The time zone of "today" for due dates. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The plan's sections in order: one per quarter, then the recurring work. */
  public static final Map<String, String> SECTIONS = sections();

  public enum State {
    NOT_STARTED("Chưa bắt đầu"),
    IN_PROGRESS("Đang thực hiện"),
    DONE("Hoàn thành"),
    OVERDUE("Quá hạn");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An item with its state, serialised as the item's own fields plus {@code state} and {@code stateLabel}. */
  public record Item(@JsonUnwrapped PlanStore.ItemStatus item, State state) {
    @JsonProperty("stateLabel")
    public String stateLabel() {
      return state.label();
    }
  }

  /** How many items of a group (a section or a lead unit) are in each state. */
  public record Counts(String label, int total, int done, int inProgress, int overdue, int notStarted) {

    static Counts empty(String label) {
      return new Counts(label, 0, 0, 0, 0, 0);
    }

    Counts plus(State state) {
      return new Counts(label, total + 1, done + (state == State.DONE ? 1 : 0),
          inProgress + (state == State.IN_PROGRESS ? 1 : 0), overdue + (state == State.OVERDUE ? 1 : 0),
          notStarted + (state == State.NOT_STARTED ? 1 : 0));
    }
  }

  private final List<Item> items;

  private PlanProgress(List<Item> items) {
    this.items = items;
  }

  /** The progress of these items as of {@code today} (a date in {@link #ZONE}). */
  public static PlanProgress of(List<PlanStore.ItemStatus> items, LocalDate today) {
    return new PlanProgress(items.stream().map(i -> new Item(i, state(i, today))).toList());
  }

  /** Today in {@link #ZONE} at that instant (the engine's clock, so that tests moving it move this too). */
  public static LocalDate today(Date now) {
    return now.toInstant().atZone(ZONE).toLocalDate();
  }

  public static State state(PlanStore.ItemStatus item, LocalDate today) {
    if ("DONE".equals(item.status())) {
      return State.DONE;
    }
    if (item.overdue() || (item.dueDate() != null && item.dueDate().isBefore(today))) {
      return State.OVERDUE;
    }
    return "IN_PROGRESS".equals(item.status()) ? State.IN_PROGRESS : State.NOT_STARTED;
  }

  public List<Item> items() {
    return items;
  }

  public Counts summary() {
    Counts counts = Counts.empty("Tổng cộng");
    for (Item item : items) {
      counts = counts.plus(item.state());
    }
    return counts;
  }

  /** Counts per section, I to V always present (in that order), any other section after them. */
  public Map<String, Counts> byQuarter() {
    Map<String, Counts> counts = new LinkedHashMap<>();
    SECTIONS.forEach((section, label) -> counts.put(section, Counts.empty(label)));
    for (Item item : items) {
      String section = item.item().section() == null ? "" : item.item().section().trim();
      counts.computeIfAbsent(section, s -> Counts.empty("Mục " + s));
      counts.computeIfPresent(section, (s, c) -> c.plus(item.state()));
    }
    return counts;
  }

  /**
   * Counts per lead unit, in order of first appearance; wordings that differ only in case, spacing or surrounding
   * punctuation count as one unit, shown with its first wording.
   */
  public Map<String, Counts> byUnit() {
    Map<String, Counts> byKey = new LinkedHashMap<>();
    for (Item item : items) {
      String wording = item.item().leadUnit() == null ? "" : item.item().leadUnit().trim();
      String key = PlanUnits.normalise(wording);
      byKey.computeIfAbsent(key, k -> Counts.empty(wording.isEmpty() ? "(chưa rõ)" : wording));
      byKey.computeIfPresent(key, (k, c) -> c.plus(item.state()));
    }
    Map<String, Counts> byWording = new LinkedHashMap<>();
    byKey.values().forEach(c -> byWording.put(c.label(), c));
    return byWording;
  }

  private static Map<String, String> sections() {
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("I", "Quý I");
    sections.put("II", "Quý II");
    sections.put("III", "Quý III");
    sections.put("IV", "Quý IV");
    sections.put("V", "Thường xuyên");
    return java.util.Collections.unmodifiableMap(sections);
  }
}
