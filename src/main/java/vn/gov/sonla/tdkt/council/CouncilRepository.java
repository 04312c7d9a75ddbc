package vn.gov.sonla.tdkt.council;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The council's tables (V2__council_sessions.sql). The ballot box keeps counts only: no method here
 * takes a member and a choice together.
 */
@Repository
public class CouncilRepository {

  public record Session(String key, int year, int round, String note, String status, String processInstanceId,
      String openedBy, OffsetDateTime openedAt, int ballotRound, Integer memberCount, OffsetDateTime ballotDue,
      OffsetDateTime resolvedAt, boolean hasMinutes, String mode, String closedEarlyBy, OffsetDateTime closedEarlyAt) {

    public boolean meeting() {
      return MEETING.equals(mode);
    }
  }

  public static final String ONLINE = "ONLINE";
  public static final String MEETING = "MEETING";

  public record AgendaItem(String sessionKey, int position, String dossierCode, String subjectName, String unitName,
      String awardType, String awardTypeName, String appraisalSummary, String outcome, Integer votesFor,
      Integer votesAgainst, Integer votesAbsent, Integer votesRequired) {}

  /**
   * A member who took part in a ballot round: kind BALLOT (online ballot) or WRITTEN (written opinion recorded by
   * the secretary, with how it was counted: VOTE, QUORUM_ONLY, NOT_COUNTED).
   */
  public record Attendance(String member, OffsetDateTime castAt, String kind, String counting) {

    public Attendance(String member, OffsetDateTime castAt) {
      this(member, castAt, "BALLOT", null);
    }

    public boolean written() {
      return "WRITTEN".equals(kind);
    }
  }

  /** Meeting mode: the vote-counting committee's totals for one agenda item. */
  public record MeetingTotal(String dossierCode, int votesFor, int votesAgainst, int present) {}

  private final JdbcClient jdbc;

  public CouncilRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Session> find(String key) {
    return jdbc.sql("SELECT session_key, session_year, round, note, status, process_instance_id, opened_by, opened_at,"
            + " ballot_round, member_count, ballot_due, resolved_at, minutes_sha256, mode, closed_early_by, closed_early_at"
            + " FROM council_session"
            + " WHERE session_key = :key")
        .param("key", key)
        .query(CouncilRepository::session)
        .optional();
  }

  /** A session that ended without an agenda may be opened again under its key: its row is replaced. */
  public void insertSession(String key, int year, int round, String note, String processInstanceId, String openedBy,
      OffsetDateTime now) {
    jdbc.sql("DELETE FROM council_session WHERE session_key = :key AND status = 'NO_AGENDA'").param("key", key).update();
    jdbc.sql("INSERT INTO council_session (session_key, session_year, round, note, status, process_instance_id,"
            + " opened_by, opened_at) VALUES (:key, :year, :round, :note, 'VOTING', :pi, :by, :now)")
        .param("key", key).param("year", year).param("round", round).param("note", note)
        .param("pi", processInstanceId).param("by", openedBy).param("now", now)
        .update();
  }

  /** A dossier on the agenda of a session that has not resolved it yet, with that session's process instance. */
  public record HeldItem(String sessionKey, String processInstanceId, String dossierCode) {}

  /**
   * The dossiers on the agenda of another session still deciding them: the session neither resolved nor without an
   * agenda, the item without an outcome. Whether that session's process still runs is for the caller to check.
   */
  public List<HeldItem> heldByOtherSessions(String key) {
    return jdbc.sql("SELECT s.session_key, s.process_instance_id, i.dossier_code FROM council_agenda_item i"
            + " JOIN council_session s ON s.session_key = i.session_key"
            + " WHERE i.outcome IS NULL AND s.status NOT IN ('RESOLVED', 'NO_AGENDA') AND s.session_key <> :key")
        .param("key", key)
        .query((rs, row) -> new HeldItem(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  public void setStatus(String key, String status) {
    jdbc.sql("UPDATE council_session SET status = :status WHERE session_key = :key")
        .param("key", key).param("status", status).update();
  }

  public void insertAgendaItem(AgendaItem item) {
    jdbc.sql("INSERT INTO council_agenda_item (session_key, position, dossier_code, subject_name, unit_name, award_type,"
            + " award_type_name, appraisal_summary) VALUES (:key, :pos, :code, :subject, :unit, :type, :typeName,"
            + " :summary)")
        .param("key", item.sessionKey()).param("pos", item.position()).param("code", item.dossierCode())
        .param("subject", item.subjectName()).param("unit", item.unitName()).param("type", item.awardType())
        .param("typeName", item.awardTypeName()).param("summary", item.appraisalSummary())
        .update();
  }

  public List<AgendaItem> agenda(String key) {
    return jdbc.sql("SELECT session_key, position, dossier_code, subject_name, unit_name, award_type, award_type_name,"
            + " appraisal_summary, outcome, votes_for, votes_against, votes_absent, votes_required"
            + " FROM council_agenda_item WHERE session_key = :key ORDER BY position")
        .param("key", key)
        .query(CouncilRepository::agendaItem)
        .list();
  }

  public void recordOutcome(String key, String code, String outcome, Integer votesFor, Integer votesAgainst,
      Integer votesAbsent, Integer votesRequired) {
    jdbc.sql("UPDATE council_agenda_item SET outcome = :outcome, votes_for = :for, votes_against = :against,"
            + " votes_absent = :absent, votes_required = :required WHERE session_key = :key AND dossier_code = :code")
        .param("key", key).param("code", code).param("outcome", outcome).param("for", votesFor)
        .param("against", votesAgainst).param("absent", votesAbsent).param("required", votesRequired)
        .update();
  }

  /** Opens the next ballot round: an empty ballot box (0 in favour of each agenda item). */
  public void openBallotRound(String key, int ballotRound, int memberCount, OffsetDateTime due,
      Collection<String> codes) {
    jdbc.sql("UPDATE council_session SET ballot_round = :round, member_count = :members, ballot_due = :due,"
            + " status = 'VOTING' WHERE session_key = :key")
        .param("key", key).param("round", ballotRound).param("members", memberCount).param("due", due)
        .update();
    for (String code : codes) {
      jdbc.sql("INSERT INTO council_ballot_count (session_key, ballot_round, dossier_code, in_favour)"
              + " VALUES (:key, :round, :code, 0)")
          .param("key", key).param("round", ballotRound).param("code", code)
          .update();
    }
  }

  public boolean hasVoted(String key, int ballotRound, String member) {
    return jdbc.sql("SELECT COUNT(*) FROM council_attendance WHERE session_key = :key AND ballot_round = :round"
            + " AND member_id = :member")
        .param("key", key).param("round", ballotRound).param("member", member)
        .query(Long.class).single() > 0;
  }

  public void recordAttendance(String key, int ballotRound, String member, OffsetDateTime castAt) {
    jdbc.sql("INSERT INTO council_attendance (session_key, ballot_round, member_id, cast_at)"
            + " VALUES (:key, :round, :member, :at)")
        .param("key", key).param("round", ballotRound).param("member", member).param("at", castAt)
        .update();
  }

  /**
   * Adds one ballot in favour of each of the codes (the ballot box: a count, nothing else). The rows are updated in
   * the codes' order, whatever order the member ticked them in: two ballots sent at the same moment then lock the
   * same rows in the same order and wait for each other instead of deadlocking.
   */
  public void addInFavour(String key, int ballotRound, Collection<String> codes) {
    for (String code : new java.util.TreeSet<>(codes)) {
      jdbc.sql("UPDATE council_ballot_count SET in_favour = in_favour + 1 WHERE session_key = :key"
              + " AND ballot_round = :round AND dossier_code = :code")
          .param("key", key).param("round", ballotRound).param("code", code)
          .update();
    }
  }

  public int inFavour(String key, int ballotRound, String code) {
    return jdbc.sql("SELECT in_favour FROM council_ballot_count WHERE session_key = :key AND ballot_round = :round"
            + " AND dossier_code = :code")
        .param("key", key).param("round", ballotRound).param("code", code)
        .query(Integer.class).optional().orElse(0);
  }

  public List<Attendance> attendance(String key, int ballotRound) {
    return jdbc.sql("SELECT member_id, cast_at, kind, counting FROM council_attendance WHERE session_key = :key"
            + " AND ballot_round = :round ORDER BY cast_at, member_id")
        .param("key", key).param("round", ballotRound)
        .query((rs, row) -> new Attendance(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
            rs.getString(4)))
        .list();
  }

  /** A written opinion (phiếu lấy ý kiến) of an absent member, recorded by the secretary: who, when, how counted. */
  public void recordWrittenOpinion(String key, int ballotRound, String member, OffsetDateTime at, String counting,
      String recordedBy) {
    jdbc.sql("INSERT INTO council_attendance (session_key, ballot_round, member_id, cast_at, kind, counting,"
            + " recorded_by) VALUES (:key, :round, :member, :at, 'WRITTEN', :counting, :by)")
        .param("key", key).param("round", ballotRound).param("member", member).param("at", at)
        .param("counting", counting).param("by", recordedBy)
        .update();
  }

  public void setMode(String key, String mode) {
    jdbc.sql("UPDATE council_session SET mode = :mode WHERE session_key = :key")
        .param("key", key).param("mode", mode).update();
  }

  public void recordEarlyClose(String key, String by, OffsetDateTime at) {
    jdbc.sql("UPDATE council_session SET closed_early_by = :by, closed_early_at = :at WHERE session_key = :key")
        .param("key", key).param("by", by).param("at", at).update();
  }

  /** Meeting mode: records (or replaces) the committee's totals of one agenda item. */
  public void recordMeetingTotal(String key, int ballotRound, MeetingTotal total, String by, OffsetDateTime at) {
    jdbc.sql("DELETE FROM council_meeting_total WHERE session_key = :key AND ballot_round = :round"
            + " AND dossier_code = :code")
        .param("key", key).param("round", ballotRound).param("code", total.dossierCode()).update();
    jdbc.sql("INSERT INTO council_meeting_total (session_key, ballot_round, dossier_code, votes_for, votes_against,"
            + " present, recorded_by, recorded_at) VALUES (:key, :round, :code, :for, :against, :present, :by, :at)")
        .param("key", key).param("round", ballotRound).param("code", total.dossierCode())
        .param("for", total.votesFor()).param("against", total.votesAgainst()).param("present", total.present())
        .param("by", by).param("at", at)
        .update();
  }

  public List<MeetingTotal> meetingTotals(String key, int ballotRound) {
    return jdbc.sql("SELECT dossier_code, votes_for, votes_against, present FROM council_meeting_total"
            + " WHERE session_key = :key AND ballot_round = :round ORDER BY dossier_code")
        .param("key", key).param("round", ballotRound)
        .query((rs, row) -> new MeetingTotal(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
        .list();
  }

  /** Sessions of a year, newest round first. */
  public List<Session> ofYear(int year) {
    return jdbc.sql("SELECT session_key, session_year, round, note, status, process_instance_id, opened_by, opened_at,"
            + " ballot_round, member_count, ballot_due, resolved_at, minutes_sha256, mode, closed_early_by,"
            + " closed_early_at FROM council_session WHERE session_year = :year ORDER BY round DESC")
        .param("year", year)
        .query(CouncilRepository::session)
        .list();
  }

  public void storeMinutes(String key, byte[] pdf, String sha256, OffsetDateTime now) {
    jdbc.sql("UPDATE council_session SET minutes = :pdf, minutes_sha256 = :sha, status = 'RESOLVED',"
            + " resolved_at = :now WHERE session_key = :key")
        .param("key", key).param("pdf", pdf).param("sha", sha256).param("now", now)
        .update();
  }

  public Optional<byte[]> minutes(String key) {
    return jdbc.sql("SELECT minutes FROM council_session WHERE session_key = :key AND minutes IS NOT NULL")
        .param("key", key)
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  private static Session session(ResultSet rs, int row) throws SQLException {
    return new Session(rs.getString("session_key"), rs.getInt("session_year"), rs.getInt("round"),
        rs.getString("note"), rs.getString("status"), rs.getString("process_instance_id"), rs.getString("opened_by"),
        rs.getObject("opened_at", OffsetDateTime.class), rs.getInt("ballot_round"),
        (Integer) rs.getObject("member_count"), rs.getObject("ballot_due", OffsetDateTime.class),
        rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("minutes_sha256") != null,
        rs.getString("mode"), rs.getString("closed_early_by"), rs.getObject("closed_early_at", OffsetDateTime.class));
  }

  private static AgendaItem agendaItem(ResultSet rs, int row) throws SQLException {
    return new AgendaItem(rs.getString("session_key"), rs.getInt("position"), rs.getString("dossier_code"),
        rs.getString("subject_name"), rs.getString("unit_name"), rs.getString("award_type"),
        rs.getString("award_type_name"), rs.getString("appraisal_summary"), rs.getString("outcome"),
        (Integer) rs.getObject("votes_for"), (Integer) rs.getObject("votes_against"),
        (Integer) rs.getObject("votes_absent"), (Integer) rs.getObject("votes_required"));
  }

  /** An agenda item of a dossier with its session's times: tallies only, never who voted how. */
  public record DossierTally(AgendaItem item, OffsetDateTime openedAt, OffsetDateTime resolvedAt) {}

  /** Every agenda item a dossier was on, oldest session first. */
  public List<DossierTally> tallies(String dossierCode) {
    return jdbc.sql("SELECT a.session_key, a.position, a.dossier_code, a.subject_name, a.unit_name, a.award_type,"
            + " a.award_type_name, a.appraisal_summary, a.outcome, a.votes_for, a.votes_against, a.votes_absent,"
            + " a.votes_required, s.opened_at, s.resolved_at FROM council_agenda_item a"
            + " JOIN council_session s ON s.session_key = a.session_key WHERE a.dossier_code = :code"
            + " ORDER BY s.opened_at, a.session_key")
        .param("code", dossierCode)
        .query((rs, row) -> new DossierTally(agendaItem(rs, row), rs.getObject("opened_at", OffsetDateTime.class),
            rs.getObject("resolved_at", OffsetDateTime.class)))
        .list();
  }

  /** The intake deadline of a council round set by the yearly plan, if any. */
  public java.util.Optional<OffsetDateTime> intakeDeadline(Integer year, Integer round) {
    if (year == null || round == null) {
      return java.util.Optional.empty();
    }
    return jdbc.sql("SELECT intake_deadline FROM council_round WHERE round_year = :year AND round_no = :round")
        .param("year", year).param("round", round)
        .query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).optional();
  }
}
