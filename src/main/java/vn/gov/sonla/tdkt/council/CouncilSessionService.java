package vn.gov.sonla.tdkt.council;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.identity.PersonNames;

/**
 * What the council's secretary (Home Affairs) does during a vote: close an online vote early once every member
 * has taken part, record absent members' written opinions, record the vote-counting committee's totals of a
 * meeting. Each runs in one transaction with the engine's; a refusal changes nothing.
 */
@Service
public class CouncilSessionService {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  public record MeetingTotalRequest(String code, Integer votesFor, Integer votesAgainst, Integer present) {}

  private final CouncilRepository sessions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final EngineAuthentication engine;
  private final WrittenOpinionRule writtenOpinionRule;
  private final PersonNames names;
  private final Clock clock;

  public CouncilSessionService(CouncilRepository sessions, RuntimeService runtime, TaskService tasks,
      HistoryService history, EngineAuthentication engine, WrittenOpinionRule writtenOpinionRule, PersonNames names,
      Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.engine = engine;
    this.writtenOpinionRule = writtenOpinionRule;
    this.names = names;
  }

  /** Early close of an online vote: refused (409) while a member has neither voted nor sent a written opinion. */
  @Transactional
  public void close(String key, CurrentUser user) {
    requireSecretary(user, "Chỉ Sở Nội vụ được kết thúc bỏ phiếu sớm.");
    CouncilRepository.Session session = session(key);
    if (session.meeting()) {
      throw CouncilProblem.conflict("Phiên họp " + key + " họp trực tiếp: ghi kết quả kiểm phiếu của Ban kiểm phiếu,"
          + " không kết thúc bỏ phiếu trực tuyến.");
    }
    requireWaitingAt(session, CouncilSession.BALLOT_TASK);
    Set<String> taken = sessions.attendance(key, session.ballotRound()).stream()
        .map(CouncilRepository.Attendance::member).collect(Collectors.toSet());
    List<String> missing = members(session).stream().filter(m -> !taken.contains(m)).toList();
    if (!missing.isEmpty()) {
      throw CouncilProblem.conflict("Chưa thể kết thúc bỏ phiếu sớm: còn " + missing.size()
          + " thành viên chưa bỏ phiếu (" + String.join(", ", missing.stream().map(names::of).toList()) + ").");
    }
    sessions.recordEarlyClose(key, user.id(), EngineClock.utc(clock));
    engine.withoutChecks(() -> runtime.createMessageCorrelation(CouncilSession.VOTE_CLOSED)
        .processInstanceId(session.processInstanceId()).correlateWithResult());
  }

  /**
   * A written opinion (phiếu lấy ý kiến) of a member who does not vote in person or online: the dossiers the
   * member is in favour of; counted as council-written-opinion.dmn says for the session's date.
   */
  @Transactional
  public WrittenOpinionRule.Rule recordWrittenOpinion(String key, String member, Collection<String> approvals,
      CurrentUser user) {
    requireSecretary(user, "Chỉ Sở Nội vụ (thư ký Hội đồng) được ghi phiếu lấy ý kiến.");
    CouncilRepository.Session session = session(key);
    if (member == null || member.isBlank()) {
      throw CouncilProblem.invalid("Cần thành viên Hội đồng (member) gửi phiếu lấy ý kiến.");
    }
    requireWaitingAt(session, session.meeting() ? CouncilSession.MEETING_TASK : CouncilSession.BALLOT_TASK);
    if (!members(session).contains(member)) {
      throw CouncilProblem.invalid(member + " không phải thành viên Hội đồng của phiên họp " + key + ".");
    }
    if (sessions.hasVoted(key, session.ballotRound(), member)) {
      throw CouncilProblem.conflict(names.of(member) + " đã bỏ phiếu hoặc đã có phiếu lấy ý kiến trong phiên họp "
          + key + ".");
    }
    Set<String> codes = agendaCodes(key, approvals);
    if (session.meeting()) {
      int present = CouncilCount.of(sessions, key, session.ballotRound(), true, session.memberCount()).meetingPresent();
      int written = sessions.attendance(key, session.ballotRound()).size();
      if (present + written + 1 > session.memberCount()) {
        throw CouncilProblem.invalid("Số thành viên có mặt và số phiếu lấy ý kiến vượt quá " + session.memberCount()
            + " thành viên Hội đồng.");
      }
    }
    // the rule is evaluated by the application (people hold no right to evaluate decisions)
    WrittenOpinionRule.Rule rule = engine.asSystem(
        () -> writtenOpinionRule.on(session.openedAt().atZoneSameInstant(VN).toLocalDate()));
    sessions.recordWrittenOpinion(key, session.ballotRound(), member, EngineClock.utc(clock), rule.counting().name(),
        user.id());
    if (rule.counting() == WrittenOpinionRule.Counting.VOTE) {
      sessions.addInFavour(key, session.ballotRound(), codes);
    }
    return rule;
  }

  /** Meeting mode: the committee's totals of every agenda item; completes "Ghi kết quả kiểm phiếu". */
  @Transactional
  public void recordMeetingTotals(String key, List<MeetingTotalRequest> totals, CurrentUser user) {
    requireSecretary(user, "Chỉ Sở Nội vụ (thư ký Hội đồng) được ghi kết quả kiểm phiếu.");
    CouncilRepository.Session session = session(key);
    if (!session.meeting()) {
      throw CouncilProblem.conflict("Phiên họp " + key + " bỏ phiếu trực tuyến: không ghi kết quả kiểm phiếu họp"
          + " trực tiếp.");
    }
    Task task = requireWaitingAt(session, CouncilSession.MEETING_TASK);
    if (totals == null || totals.isEmpty()) {
      throw CouncilProblem.invalid("Cần kết quả kiểm phiếu (totals) của từng hồ sơ trong chương trình.");
    }
    Set<String> agenda = new LinkedHashSet<>(sessions.agenda(key).stream()
        .map(CouncilRepository.AgendaItem::dossierCode).toList());
    Map<String, MeetingTotalRequest> byCode = totals.stream().filter(t -> t != null && t.code() != null)
        .collect(Collectors.toMap(MeetingTotalRequest::code, Function.identity(), (a, b) -> {
          throw CouncilProblem.invalid("Hồ sơ " + a.code() + " có hai kết quả kiểm phiếu.");
        }));
    List<String> unknown = byCode.keySet().stream().filter(c -> !agenda.contains(c)).toList();
    if (!unknown.isEmpty() || byCode.size() != totals.size()) {
      throw CouncilProblem.invalid("Hồ sơ không có trong chương trình phiên họp " + key + ": "
          + (unknown.isEmpty() ? "(thiếu mã hồ sơ)" : String.join(", ", unknown)) + ".");
    }
    List<String> missing = agenda.stream().filter(c -> !byCode.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw CouncilProblem.invalid("Thiếu kết quả kiểm phiếu của hồ sơ: " + String.join(", ", missing) + ".");
    }
    int written = sessions.attendance(key, session.ballotRound()).size();
    int members = session.memberCount();
    List<CouncilRepository.MeetingTotal> checked = new ArrayList<>();
    for (MeetingTotalRequest t : byCode.values()) {
      if (t.votesFor() == null || t.votesAgainst() == null || t.present() == null || t.votesFor() < 0
          || t.votesAgainst() < 0 || t.present() < 0) {
        throw CouncilProblem.invalid("Hồ sơ " + t.code() + ": số có mặt, tán thành, không tán thành là số không âm,"
            + " bắt buộc.");
      }
      if (t.votesFor() + t.votesAgainst() > t.present()) {
        throw CouncilProblem.invalid("Hồ sơ " + t.code() + ": số phiếu tán thành và không tán thành ("
            + (t.votesFor() + t.votesAgainst()) + ") vượt quá số thành viên có mặt (" + t.present() + ").");
      }
      if (t.present() + written > members) {
        throw CouncilProblem.invalid("Hồ sơ " + t.code() + ": số thành viên có mặt (" + t.present() + ")"
            + (written > 0 ? " cộng " + written + " phiếu lấy ý kiến" : "") + " vượt quá " + members
            + " thành viên Hội đồng.");
      }
      checked.add(new CouncilRepository.MeetingTotal(t.code(), t.votesFor(), t.votesAgainst(), t.present()));
    }
    for (CouncilRepository.MeetingTotal t : checked) {
      sessions.recordMeetingTotal(key, session.ballotRound(), t, user.id(), EngineClock.utc(clock));
    }
    engine.withoutChecks(() -> {
      tasks.complete(task.getId());
      return null;
    });
  }

  /** The members of the session's current (or last) ballot round, by user id. */
  public List<String> members(CouncilRepository.Session session) {
    Object value = engine.asSystem(() -> {
      var running = runtime.createVariableInstanceQuery().processInstanceIdIn(session.processInstanceId())
          .variableName("members").singleResult();
      if (running != null) {
        return running.getValue();
      }
      var done = history.createHistoricVariableInstanceQuery().processInstanceId(session.processInstanceId())
          .variableName("members").singleResult();
      return done == null ? null : done.getValue();
    });
    List<String> ids = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      json.elements().forEach(m -> ids.add(m.stringValue()));
    }
    return ids;
  }

  private Set<String> agendaCodes(String key, Collection<String> approvals) {
    Set<String> codes = new LinkedHashSet<>(approvals == null ? List.of() : approvals);
    Set<String> agenda = new LinkedHashSet<>(
        sessions.agenda(key).stream().map(CouncilRepository.AgendaItem::dossierCode).toList());
    List<String> unknown = codes.stream().filter(c -> c == null || !agenda.contains(c)).map(String::valueOf).toList();
    if (!unknown.isEmpty()) {
      throw CouncilProblem.invalid("Hồ sơ không có trong chương trình phiên họp " + key + ": "
          + String.join(", ", unknown) + ".");
    }
    return codes;
  }

  private Task requireWaitingAt(CouncilRepository.Session session, String taskKey) {
    List<Task> open = engine.asSystem(() -> tasks.createTaskQuery().processInstanceId(session.processInstanceId())
        .taskDefinitionKey(taskKey).list());
    if (!"VOTING".equals(session.status()) || open.isEmpty()) {
      throw CouncilProblem.conflict("Phiên họp " + session.key() + " không đang trong thời gian biểu quyết"
          + " (đã kết thúc bỏ phiếu, đang chờ triệu tập lại hoặc đã kiểm phiếu).");
    }
    return open.get(0);
  }

  private CouncilRepository.Session session(String key) {
    return sessions.find(key).orElseThrow(() -> CouncilProblem.notFound("Không có phiên họp " + key + "."));
  }

  private static void requireSecretary(CurrentUser user, String message) {
    if (!user.groups().contains(Groups.HOME_AFFAIRS)) {
      throw CouncilProblem.forbidden(message);
    }
  }
}
