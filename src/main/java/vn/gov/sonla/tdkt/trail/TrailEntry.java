package vn.gov.sonla.tdkt.trail;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One line of a dossier's audit trail: when (Vietnam time), from which record (source), what
 * happened (kind), who did it (a user id, or null for the system, the public or a timer, and that person's full
 * name as people write it, or the name of the body that acted), a Vietnamese summary and the details it was read
 * from; and the same line in plain words for the timeline ({@link TimelineRow}): what was done, and its result.
 */
public record TrailEntry(OffsetDateTime at, TrailSource source, TrailKind kind, String actor, String actorName,
    String summary, Map<String, Object> details, @JsonIgnore String plain, @JsonIgnore String result) {

  public TrailEntry {
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }

  /** An entry whose actor's name is filled in later ({@link #withActorName}) and whose plain words are its summary. */
  public TrailEntry(OffsetDateTime at, TrailSource source, TrailKind kind, String actor, String summary,
      Map<String, Object> details) {
    this(at, source, kind, actor, null, summary, details, null, null);
  }

  public TrailEntry withActorName(String name) {
    return new TrailEntry(at, source, kind, actor, name, summary, details, plain, result);
  }

  /** The entry in plain words for the timeline: what was done, and its result. */
  public TrailEntry plain(String what, String outcome) {
    return new TrailEntry(at, source, kind, actor, actorName, summary, details, what, outcome);
  }

  /** The entry with the same details and words, and more details (the decision batch it was read from). */
  public TrailEntry withDetail(String name, Object value) {
    Map<String, Object> more = new java.util.LinkedHashMap<>(details);
    more.put(name, value);
    return new TrailEntry(at, source, kind, actor, actorName, summary, more, plain, result);
  }

  @com.fasterxml.jackson.annotation.JsonProperty("sourceLabel")
  public String sourceLabel() {
    return source.label();
  }

  @com.fasterxml.jackson.annotation.JsonProperty("kindLabel")
  public String kindLabel() {
    return kind.label();
  }
}
