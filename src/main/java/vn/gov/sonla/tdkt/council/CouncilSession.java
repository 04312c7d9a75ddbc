package vn.gov.sonla.tdkt.council;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/**
 * Listeners and expressions of council-session.bpmn ({@code ${councilSession…}}): the session key
 * when a session is opened, the members of a ballot round, and the reconvening.
 */
@Component("councilSession")
public class CouncilSession {

  public static final String PROCESS_KEY = "council-session";
  public static final String BALLOT_TASK = "Task_Ballot";
  public static final String RECONVENE_TASK = "Task_Reconvene";
  public static final String MEETING_TASK = "Task_RecordMeeting";
  /** Message of the early close of an online vote (boundary event of the ballots). */
  public static final String VOTE_CLOSED = "CouncilVoteClosed";
  static final Pattern KEY = Pattern.compile("(\\d{4})-R([1-9]\\d{0,2})");

  private final CouncilRepository sessions;
  private final CouncilProperties properties;

  public CouncilSession(CouncilRepository sessions, CouncilProperties properties) {
    this.sessions = sessions;
    this.properties = properties;
  }

  /** The member's title in the council ({@code tdkt.council.titles}), or null. */
  public String title(String userId) {
    return properties.title(userId);
  }

  public static String key(int year, int round) {
    return year + "-R" + round;
  }

  /**
   * Start listener: checks year and round, sets the business key YYYY-R&lt;n&gt; (Tasklist starts
   * without one) and refuses a key already used by a session that is running or has an agenda.
   */
  public void started(DelegateExecution execution) {
    int year = number(execution.getVariable("year"), "Năm");
    int round = number(execution.getVariable("round"), "Đợt");
    if (year < 2000 || year > 2100) {
      throw new TaskInputException("Năm không hợp lệ: " + year + ".");
    }
    if (round < 1 || round > 999) {
      throw new TaskInputException("Đợt phải từ 1 đến 999.");
    }
    String key = key(year, round);
    String given = execution.getProcessBusinessKey();
    if (given == null || given.isBlank()) {
      execution.setProcessBusinessKey(key);
    } else if (!given.equals(key)) {
      throw new TaskInputException("Mã phiên họp " + given + " không khớp với năm và đợt (" + key + ").");
    }
    if (exists(execution, key)) {
      throw new TaskInputException("Phiên họp " + key + " đã được mở.");
    }
    Object mode = execution.getVariable("mode");
    if (mode == null || (mode instanceof String m && m.isBlank())) {
      mode = CouncilRepository.ONLINE;
    }
    if (!CouncilRepository.ONLINE.equals(mode) && !CouncilRepository.MEETING.equals(mode)) {
      throw new CouncilInputException("Hình thức họp phải là ONLINE (bỏ phiếu trực tuyến) hoặc MEETING (họp trực tiếp).");
    }
    execution.setVariable("mode", mode);
    execution.setVariable("sessionKey", key);
    execution.setVariable("year", year);
    execution.setVariable("round", round);
  }

  /** Whether a session with the key is running, or exists with an agenda (one without agenda may be reopened). */
  boolean exists(DelegateExecution execution, String key) {
    long running = EngineAuthentication.inProcess(() -> execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).list()
        .stream().filter(pi -> !pi.getId().equals(execution.getProcessInstanceId())).count());
    return running > 0 || sessions.find(key).filter(s -> !"NO_AGENDA".equals(s.status())).isPresent();
  }

  /** The members of the current ballot round (variable {@code members}, set when the ballots are handed out). */
  public List<String> members(DelegateExecution execution) {
    SpinJsonNode members = (SpinJsonNode) execution.getVariable("members");
    List<String> ids = new ArrayList<>();
    members.elements().forEach(m -> ids.add(m.stringValue()));
    return ids;
  }

  /**
   * Completion condition of the online ballots: every member of the round has taken part, by ballot or by a
   * written opinion the secretary recorded (whose ballot task is then left open until this point).
   */
  public boolean allVoted(DelegateExecution execution) {
    String key = (String) execution.getVariable("sessionKey");
    int ballotRound = ((Number) execution.getVariable("ballotRound")).intValue();
    int members = ((Number) execution.getVariable("memberCount")).intValue();
    return sessions.attendance(key, ballotRound).size() >= members;
  }

  /** Completion of "Ghi kết quả kiểm phiếu": the committee's totals are recorded for every agenda item. */
  public void meetingRecorded(DelegateTask task) {
    String key = (String) task.getVariable("sessionKey");
    int ballotRound = ((Number) task.getVariable("ballotRound")).intValue();
    var recorded = sessions.meetingTotals(key, ballotRound).stream()
        .map(CouncilRepository.MeetingTotal::dossierCode).collect(java.util.stream.Collectors.toSet());
    List<String> missing = sessions.agenda(key).stream().map(CouncilRepository.AgendaItem::dossierCode)
        .filter(c -> !recorded.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new CouncilInputException("Chưa ghi kết quả kiểm phiếu của hồ sơ: " + String.join(", ", missing)
          + ". Ghi trên trang Phiên họp Hội đồng (/council/).");
    }
  }

  /** Completion of "Triệu tập lại phiên họp": a note, and optionally a number of working days to vote. */
  public void reconvened(DelegateTask task) {
    Object note = task.getVariable("reconveneNote");
    if (!(note instanceof String text) || text.isBlank()) {
      throw new TaskInputException("Chưa nhập nội dung triệu tập lại (thời gian, hình thức họp).");
    }
    Object days = task.getVariable("reconveneWorkingDays");
    if (days != null && (!(days instanceof Number n) || n.intValue() < 1 || n.intValue() > 30)) {
      throw new TaskInputException("Thời hạn bỏ phiếu phải từ 1 đến 30 ngày làm việc.");
    }
  }

  static int number(Object value, String label) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.strip().matches("\\d{1,4}")) {
      return Integer.parseInt(s.strip());
    }
    throw new TaskInputException(label + " là số, bắt buộc.");
  }
}
