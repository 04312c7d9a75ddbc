package vn.gov.sonla.tdkt.trail;

/**
 * One row of the plain-language timeline of a dossier (issue 17): when (HH:mm dd/MM/yyyy, Vietnam time), who (a
 * person's full name or the name of a body; "Hệ thống" for the system's own steps), the action, what was done and
 * its result, all in Vietnamese words — no codes, ids, variable or table names.
 */
public record TimelineRow(String when, String who, String action, String what, String result) {

  public static final String SYSTEM = "Hệ thống";

  static TimelineRow of(TrailEntry e) {
    return new TimelineRow(TrailWords.when(e.at()), e.actorName() != null ? e.actorName() : SYSTEM,
        e.kind().label(), e.plain() != null ? e.plain() : e.summary(),
        e.result() != null ? e.result() : "Đã ghi nhận");
  }
}
