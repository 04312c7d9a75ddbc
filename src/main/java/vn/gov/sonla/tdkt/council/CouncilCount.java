package vn.gov.sonla.tdkt.council;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arithmetic of a ballot round, in both modes. Online: the members who cast a ballot; a ballot that leaves a
 * dossier unchecked is against it. Meeting: the vote-counting committee's totals per dossier (present, for,
 * against; the rest of those present abstained). In both, written opinions of absent members count as
 * council-written-opinion.dmn said when they were recorded: VOTE (as a ballot, its approvals in the ballot box),
 * QUORUM_ONLY (present for the quorum, no vote), NOT_COUNTED.
 */
record CouncilCount(boolean meeting, int members, List<CouncilRepository.Attendance> attendance,
    Map<String, CouncilRepository.MeetingTotal> totals) {

  static CouncilCount of(CouncilRepository sessions, String key, int ballotRound, boolean meeting, int members) {
    return new CouncilCount(meeting, members, sessions.attendance(key, ballotRound),
        meeting ? sessions.meetingTotals(key, ballotRound).stream()
            .collect(Collectors.toMap(CouncilRepository.MeetingTotal::dossierCode, Function.identity()))
            : Map.of());
  }

  int onlineBallots() {
    return (int) attendance.stream().filter(a -> !a.written()).count();
  }

  int written(WrittenOpinionRule.Counting counting) {
    return (int) attendance.stream().filter(a -> a.written() && counting.name().equals(a.counting())).count();
  }

  /** Members present at the meeting: the smallest number the committee recorded for any dossier. */
  int meetingPresent() {
    return totals.values().stream().mapToInt(CouncilRepository.MeetingTotal::present).min().orElse(0);
  }

  /** Members who took part, for the quorum. */
  int participants() {
    int base = meeting ? meetingPresent() : onlineBallots();
    return base + written(WrittenOpinionRule.Counting.VOTE) + written(WrittenOpinionRule.Counting.QUORUM_ONLY);
  }

  record Votes(int votesFor, int votesAgainst, int votesAbsent) {}

  /** The votes on one dossier; {@code inFavour} is the ballot box's count (online ballots and written votes). */
  Votes votes(String code, int inFavour) {
    int writtenVotes = written(WrittenOpinionRule.Counting.VOTE);
    if (meeting) {
      CouncilRepository.MeetingTotal total = totals.get(code);
      int present = total == null ? 0 : total.present();
      int votesFor = inFavour + (total == null ? 0 : total.votesFor());
      int against = (total == null ? 0 : total.votesAgainst()) + writtenVotes - inFavour;
      return new Votes(votesFor, against, members - present - writtenVotes);
    }
    int counted = onlineBallots() + writtenVotes;
    return new Votes(inFavour, counted - inFavour, members - counted);
  }
}
