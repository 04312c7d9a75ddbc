package vn.gov.sonla.tdkt.council;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.calendar.VietnameseDates;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.kernel.Created;

/**
 * Council sessions: opened by Home Affairs, read by the provincial bodies, auditors and
 * administrators, voted by council members. No response ever carries a member's choices: the
 * attendance says who voted and when, the tallies (once counted) only the numbers.
 */
@RestController
@RequestMapping("/api/council-sessions")
public class CouncilSessionController {

  /** Field rules declared here, messages in ValidationMessages_vi.properties (400 with every bad field). */
  public record OpenRequest(
      @NotNull(message = "{council.year.required}") @Min(value = 2000, message = "{council.year.range}")
      @Max(value = 2100, message = "{council.year.range}") Integer year,
      @NotNull(message = "{council.round.required}") @Min(value = 1, message = "{council.round.range}")
      @Max(value = 999, message = "{council.round.range}") Integer round,
      @Size(max = 2000, message = "{council.note.size}") String note,
      @Pattern(regexp = "\\s*(ONLINE|MEETING)?\\s*", message = "{council.mode.pattern}") String mode) {}

  public record WrittenOpinionRequest(String member, List<String> approvals) {}

  public record MeetingTotalsRequest(List<CouncilSessionService.MeetingTotalRequest> totals) {}

  /**
   * A member of the session: full name, title in the council, whether and how they took part (BALLOT, WRITTEN)
   * and when; for a written opinion how it was counted. Never what they chose.
   */
  public record MemberView(String id, String name, String title, boolean voted, String kind, String counting,
      OffsetDateTime castAt) {}

  /** A session in the year's list. */
  public record SessionSummary(String key, int year, int round, String mode, String status, OffsetDateTime openedAt,
      OffsetDateTime ballotDue, String ballotDueText, Integer memberCount, int agendaSize, String minutesUrl) {}

  public record BallotRequest(List<String> approvals) {}

  public record Tally(String code, int votesFor, int votesAgainst, int votesAbsent, int votesRequired,
      boolean passed) {}

  public record SessionView(String key, int year, int round, String note, String status, String processInstanceId,
      String openedBy, OffsetDateTime openedAt, int ballotRound, Integer memberCount, OffsetDateTime ballotDue,
      OffsetDateTime resolvedAt, List<CouncilRepository.AgendaItem> agenda,
      List<CouncilRepository.Attendance> attendance, List<Tally> tallies, List<String> skipped, String minutesUrl,
      String mode, String ballotDueText, List<MemberView> members, String closedEarlyBy, OffsetDateTime closedEarlyAt,
      List<CouncilRepository.MeetingTotal> meetingTotals) {}

  private final CouncilRepository sessions;
  private final CurrentUserProvider currentUser;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineAuthentication engineAuthentication;
  private final CouncilSessionService secretary;
  private final CouncilProperties council;
  private final PersonNames names;
  private final ZoneId zone;
  private final java.time.Clock clock;

  public CouncilSessionController(CouncilRepository sessions, CurrentUserProvider currentUser, RuntimeService runtime,
      TaskService tasks, EngineAuthentication engineAuthentication, CouncilSessionService secretary,
      CouncilProperties council, PersonNames names, CalendarProperties calendar, java.time.Clock clock) {
    this.clock = clock;
    this.secretary = secretary;
    this.council = council;
    this.names = names;
    this.zone = calendar.zone();
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.runtime = runtime;
    this.tasks = tasks;
    this.engineAuthentication = engineAuthentication;
  }

  /**
   * Opens a council session for a year and round (home-affairs): the agenda of dossiers awaiting the council and the
   * members' ballots; answers 201.
   */
  @Created
  @PostMapping
  @PreAuthorize("@councilAccess.canOpen(authentication)")
  public ResponseEntity<SessionView> open(@Valid @RequestBody OpenRequest request) {
    String key = CouncilSession.key(request.year(), request.round());
    boolean running = engineAuthentication.asSystem(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(CouncilSession.PROCESS_KEY).processInstanceBusinessKey(key).count() > 0);
    if (running || sessions.find(key).filter(s -> !"NO_AGENDA".equals(s.status())).isPresent()) {
      throw CouncilProblem.conflict("Phiên họp " + key + " đã được mở.");
    }
    String mode = request.mode() == null || request.mode().isBlank() ? CouncilRepository.ONLINE : request.mode().strip();
    var variables = Variables.createVariables().putValue("year", request.year()).putValue("round", request.round())
        .putValue("mode", mode);
    if (request.note() != null && !request.note().isBlank()) {
      variables.putValue("note", request.note().strip());
    }
    // started by the application for Home Affairs after its own checks: no one holds the right to start a
    // session's process (issue 15)
    engineAuthentication.withoutChecks(
        () -> runtime.startProcessInstanceByKey(CouncilSession.PROCESS_KEY, key, variables));
    return ResponseEntity.created(URI.create("/api/council-sessions/" + key)).body(view(key));
  }

  /** The council sessions of a year (newest round first). */
  @GetMapping
  @PreAuthorize("@councilAccess.canRead(authentication)")
  public List<SessionSummary> list(@RequestParam(required = false) @Min(value = 2000, message = "{council.year.range}")
      @Max(value = 2100, message = "{council.year.range}") Integer year) {
    int y = year == null ? java.time.LocalDate.now(clock.withZone(zone)).getYear() : year;
    return sessions.ofYear(y).stream().map(s -> new SessionSummary(s.key(), s.year(), s.round(), s.mode(), s.status(),
        s.openedAt(), s.ballotDue(), dueText(s.ballotDue()), s.memberCount(), sessions.agenda(s.key()).size(),
        s.hasMinutes() ? "/api/council-sessions/" + s.key() + "/minutes" : null)).toList();
  }

  /** Home Affairs closes an online vote before its deadline once every member has voted (409 otherwise). */
  @PostMapping("/{key}/closure")
  public SessionView close(@PathVariable String key) {
    secretary.close(key, currentUser.get());
    return view(key);
  }

  /** The secretary records an absent member's written opinion (phiếu lấy ý kiến): the dossiers they favour. */
  @PostMapping("/{key}/written-opinions")
  public SessionView writtenOpinion(@PathVariable String key, @RequestBody(required = false) WrittenOpinionRequest request) {
    if (request == null) {
      throw CouncilProblem.invalid("Cần thành viên (member) và các hồ sơ tán thành (approvals).");
    }
    secretary.recordWrittenOpinion(key, request.member(), request.approvals(), currentUser.get());
    return view(key);
  }

  /** Meeting mode: the secretary records the vote-counting committee's totals of every agenda item. */
  @PostMapping("/{key}/meeting-totals")
  public SessionView meetingTotals(@PathVariable String key, @RequestBody(required = false) MeetingTotalsRequest request) {
    secretary.recordMeetingTotals(key, request == null ? null : request.totals(), currentUser.get());
    return view(key);
  }

  /** One council session: agenda, members and who has voted, deadline, and the tally once closed. */
  @GetMapping("/{key}")
  @PreAuthorize("@councilAccess.canRead(authentication)")
  public SessionView get(@PathVariable String key) {
    return view(key);
  }

  /** The signed-in member's ballot: the codes of the dossiers they are in favour of (the others: against). */
  @PostMapping("/{key}/ballot")
  @PreAuthorize("@councilAccess.canVote(authentication)")
  public SessionView ballot(@PathVariable String key, @RequestBody(required = false) BallotRequest request) {
    CurrentUser user = currentUser.get();
    CouncilRepository.Session session = session(key);
    Set<String> approvals = new LinkedHashSet<>(request == null || request.approvals() == null
        ? List.of() : request.approvals());
    Set<String> agenda = new LinkedHashSet<>(
        sessions.agenda(key).stream().map(CouncilRepository.AgendaItem::dossierCode).toList());
    List<String> unknown = approvals.stream().filter(c -> c == null || !agenda.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw CouncilProblem.invalid("Hồ sơ không có trong chương trình phiên họp " + key + ": "
          + String.join(", ", unknown.stream().map(String::valueOf).toList()) + ".");
    }
    Task task = engineAuthentication.asSystem(() -> tasks.createTaskQuery()
        .processDefinitionKey(CouncilSession.PROCESS_KEY).processInstanceBusinessKey(key)
        .taskDefinitionKey(CouncilSession.BALLOT_TASK).taskAssignee(user.id()).singleResult());
    if (task == null) {
      throw CouncilProblem.conflict(sessions.hasVoted(key, session.ballotRound(), user.id())
          ? "Bạn đã bỏ phiếu trong phiên họp " + key + "."
          : "Phiên họp " + key + " không có phiếu biểu quyết đang mở cho bạn (đã hết hạn hoặc đã kiểm phiếu).");
    }
    // completed as the member (engine authorization: the assignee may complete their own task)
    tasks.complete(task.getId(), Variables.createVariables()
        .putValue(BallotBox.APPROVALS, String.join(",", approvals)));
    return view(key);
  }

  /** The council session's minutes (biên bản) as a PDF, once the vote is closed. */
  @GetMapping("/{key}/minutes")
  @PreAuthorize("@councilAccess.canRead(authentication)")
  public ResponseEntity<byte[]> minutes(@PathVariable String key) {
    session(key);
    byte[] pdf = sessions.minutes(key)
        .orElseThrow(() -> CouncilProblem.notFound("Phiên họp " + key + " chưa có biên bản."));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("bien-ban-" + key + ".pdf").build().toString())
        .body(pdf);
  }

  private CouncilRepository.Session session(String key) {
    return sessions.find(key).orElseThrow(() -> CouncilProblem.notFound("Không có phiên họp " + key + "."));
  }

  private SessionView view(String key) {
    CouncilRepository.Session s = session(key);
    List<CouncilRepository.AgendaItem> agenda = sessions.agenda(key);
    boolean resolved = "RESOLVED".equals(s.status());
    List<Tally> tallies = resolved ? agenda.stream().filter(i -> i.votesFor() != null)
        .map(i -> new Tally(i.dossierCode(), i.votesFor(), i.votesAgainst(), i.votesAbsent(), i.votesRequired(),
            "PASSED".equals(i.outcome())))
        .toList() : List.of();
    List<String> skipped = agenda.stream().filter(i -> "SKIPPED".equals(i.outcome()))
        .map(CouncilRepository.AgendaItem::dossierCode).toList();
    // the agenda without the per-item results until the session is resolved
    List<CouncilRepository.AgendaItem> agendaView = agenda.stream().map(i -> new CouncilRepository.AgendaItem(
        i.sessionKey(), i.position(), i.dossierCode(), i.subjectName(), i.unitName(), i.awardType(),
        i.awardTypeName(), i.appraisalSummary(), resolved ? i.outcome() : null, null, null, null, null)).toList();
    List<CouncilRepository.Attendance> attendance = s.ballotRound() == 0 ? List.of()
        : sessions.attendance(key, s.ballotRound());
    Map<String, CouncilRepository.Attendance> byMember = new HashMap<>();
    attendance.forEach(a -> byMember.put(a.member(), a));
    List<String> ids = secretary.members(s);
    Map<String, String> fullNames = names.of(ids);
    List<MemberView> members = ids.stream().map(id -> {
      CouncilRepository.Attendance a = byMember.get(id);
      return new MemberView(id, fullNames.getOrDefault(id, id), council.title(id), a != null,
          a == null ? null : a.kind(), a == null ? null : a.counting(), a == null ? null : a.castAt());
    }).toList();
    return new SessionView(s.key(), s.year(), s.round(), s.note(), s.status(), s.processInstanceId(), s.openedBy(),
        s.openedAt(), s.ballotRound(), s.memberCount(), s.ballotDue(), s.resolvedAt(), agendaView, attendance, tallies,
        skipped, s.hasMinutes() ? "/api/council-sessions/" + key + "/minutes" : null, s.mode(), dueText(s.ballotDue()),
        members, names.of(s.closedEarlyBy()), s.closedEarlyAt(),
        resolved && s.meeting() ? sessions.meetingTotals(key, s.ballotRound()) : List.of());
  }

  private String dueText(OffsetDateTime due) {
    return due == null ? null : VietnameseDates.dateTime(due.toInstant(), zone);
  }
}
