package vn.gov.sonla.tdkt.council;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.PersonName;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/** "Lập biên bản phiên họp": renders the minutes PDF and stores it with the session. */
@Component("councilMinutes")
public class CouncilMinutes implements JavaDelegate {

  private final CouncilRepository sessions;
  private final MinutesDocument document;
  private final IdentityService identity;
  private final DecisionProperties decision;
  private final CouncilSession councilSession;
  private final Clock clock;

  public CouncilMinutes(CouncilRepository sessions, MinutesDocument document, IdentityService identity,
      DecisionProperties decision, CouncilSession councilSession, Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.document = document;
    this.identity = identity;
    this.decision = decision;
    this.councilSession = councilSession;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    CouncilRepository.Session session = sessions.find(key).orElseThrow();
    int ballotRound = session.ballotRound();
    Map<String, CouncilRepository.Attendance> cast = sessions.attendance(key, ballotRound).stream()
        .collect(Collectors.toMap(CouncilRepository.Attendance::member, Function.identity()));
    List<MinutesDocument.Member> members = new ArrayList<>();
    for (String id : councilSession.members(execution)) {
      User user = EngineAuthentication.inProcess(() -> identity.createUserQuery().userId(id).singleResult());
      String name = PersonName.of(user) == null ? id : PersonName.of(user);
      if (councilSession.title(id) != null) {
        name += " – " + councilSession.title(id);
      }
      CouncilRepository.Attendance a = cast.get(id);
      if (a != null && a.written()) {
        name += " – phiếu lấy ý kiến (" + switch (a.counting() == null ? "" : a.counting()) {
          case "VOTE" -> "tính như phiếu biểu quyết";
          case "QUORUM_ONLY" -> "chỉ tính số thành viên tham gia";
          default -> "không tính";
        } + ")";
      }
      members.add(new MinutesDocument.Member(id, name, a == null ? null : a.castAt()));
    }
    byte[] pdf = document.render(new MinutesDocument.Content(decision.issuer(), key, session.year(), session.round(),
        session.meeting() ? "Họp trực tiếp; Ban kiểm phiếu kiểm phiếu kín trên giấy."
            + (session.note() == null ? "" : " " + session.note()) : session.note(),
        EngineClock.utc(clock), members.size(), ((Number) execution.getVariable("ballotsCast")).intValue(),
        ((Number) execution.getVariable("quorumRequired")).intValue(), sessions.agenda(key), members));
    sessions.storeMinutes(key, pdf, DossierService.sha256(pdf), EngineClock.utc(clock));
  }
}
