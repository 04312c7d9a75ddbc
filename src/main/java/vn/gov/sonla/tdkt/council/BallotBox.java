package vn.gov.sonla.tdkt.council;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.engine.EngineUser;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.kernel.TaskInputException;

/**
 * The ballot box ({@code ${ballotBox.cast(task)}} on completion of "Phiếu biểu quyết"). The ballot
 * form submits {@code approvals}, the codes of the agenda items the member is in favour of (an item
 * left unchecked is a vote against). The box checks the codes, adds one to the in-favour count of each,
 * records that the member voted and when, and removes {@code approvals} in the same transaction, so
 * the choices are never stored with the member: not in the engine's variables, not in its history
 * (see {@link SecretBallot}), not in the project's tables.
 */
@Component("ballotBox")
public class BallotBox {

  public static final String APPROVALS = "approvals";

  private final CouncilRepository sessions;
  private final Clock clock;

  public BallotBox(CouncilRepository sessions, Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
  }

  public void cast(DelegateTask task) {
    Object submitted = task.getVariable(APPROVALS);
    if (task.hasVariable(APPROVALS)) {
      task.removeVariable(APPROVALS);
    }
    String member = task.getAssignee();
    var identity = task.getProcessEngineServices().getIdentityService();
    String caller = EngineUser.currentUserId(identity);
    // the ballot's assignee casts it, and only while a council member: not someone it was handed on to, not an
    // administrator (who may take any task but does not vote)
    boolean byAssignee = caller == null || caller.equals(member);
    if (member == null || !byAssignee || !EngineUser.isMember(identity, member, Groups.COUNCIL)) {
      throw new TaskInputException("Chỉ thành viên Hội đồng được giao phiếu này mới được bỏ phiếu.");
    }
    String key = (String) task.getVariable("sessionKey");
    int ballotRound = ((Number) task.getVariable("ballotRound")).intValue();
    Set<String> approvals = codes(submitted);
    Set<String> agenda = new LinkedHashSet<>(
        sessions.agenda(key).stream().map(CouncilRepository.AgendaItem::dossierCode).toList());
    List<String> unknown = approvals.stream().filter(c -> !agenda.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw new TaskInputException("Hồ sơ không có trong chương trình phiên họp " + key + ": "
          + String.join(", ", unknown) + ".");
    }
    if (sessions.hasVoted(key, ballotRound, member)) {
      throw new TaskInputException("Thành viên " + member + " đã bỏ phiếu.");
    }
    sessions.recordAttendance(key, ballotRound, member, EngineClock.utc(clock));
    sessions.addInFavour(key, ballotRound, approvals);
  }

  /** The codes from the form (JSON array), the API (JSON text) or a Java collection; none = all against. */
  static Set<String> codes(Object submitted) {
    Set<String> codes = new LinkedHashSet<>();
    if (submitted == null) {
      return codes;
    }
    if (submitted instanceof String text) {
      if (text.isBlank()) {
        return codes;
      }
      if (!text.strip().startsWith("[")) {
        for (String code : text.split(",")) {
          if (!code.isBlank()) {
            codes.add(code.strip());
          }
        }
        return codes;
      }
      submitted = Spin.JSON(text);
    }
    if (submitted instanceof SpinJsonNode json) {
      if (!json.isArray()) {
        throw new TaskInputException("Phiếu biểu quyết không hợp lệ: cần danh sách mã hồ sơ.");
      }
      json.elements().forEach(e -> {
        if (!e.isString()) {
          throw new TaskInputException("Phiếu biểu quyết không hợp lệ: cần danh sách mã hồ sơ.");
        }
        codes.add(e.stringValue());
      });
      return codes;
    }
    if (submitted instanceof Collection<?> list) {
      list.forEach(c -> codes.add(String.valueOf(c)));
      return codes;
    }
    throw new TaskInputException("Phiếu biểu quyết không hợp lệ: cần danh sách mã hồ sơ.");
  }
}
