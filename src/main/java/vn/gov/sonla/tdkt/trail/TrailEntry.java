package vn.gov.sonla.tdkt.trail;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One line of a dossier's audit trail: when (Vietnam time), from which record (source), what
 * happened (kind), who did it (a user id, or null for the system, the public or a timer, and that person's full
 * name as people write it), a Vietnamese summary and the details it was read from.
 */
public record TrailEntry(OffsetDateTime at, TrailSource source, TrailKind kind, String actor, String actorName,
    String summary, Map<String, Object> details) {

  public TrailEntry {
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }

  /** An entry whose actor's name is filled in later ({@link #withActorName}). */
  public TrailEntry(OffsetDateTime at, TrailSource source, TrailKind kind, String actor, String summary,
      Map<String, Object> details) {
    this(at, source, kind, actor, null, summary, details);
  }

  public TrailEntry withActorName(String name) {
    return new TrailEntry(at, source, kind, actor, name, summary, details);
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
