package vn.gov.sonla.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.Futures;
import vn.gov.sonla.tdkt.support.Jobs;
import vn.gov.sonla.tdkt.support.PostgresAppTest;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * Issue 20's load test found it: two council members' ballots of one session sent at the same moment, the second
 * refused by the engine's optimistic locking (409 "send again"). Here all nine members of the demo council send their
 * ballots at once (Tasklist's form, {@code /engine-rest}'s submit-form, the council page's {@code POST …/ballot}),
 * on PostgreSQL with the real ballot box: every member's transaction is held at the
 * ballot box's count (a row lock the test takes on the session's counts) until as many as the connection pool lets in
 * are waiting there together, then let go. Every ballot is cast the first time, members who tick the same dossiers in
 * opposite order do not deadlock each other, and the tally counts exactly what was cast.
 *
 * <p>Its own session key (year 2077, a random round) in the shared PostgreSQL context; it asserts on its own two
 * dossiers only (the agenda holds every dossier awaiting the council).
 */
@PostgresAppTest
class CouncilBallotsAtOncePostgresTest {

  private static final int YEAR = 2077;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired DossierService dossierService;
  @Autowired TestRestTemplate rest;
  @Autowired CouncilRepository sessions;
  @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize;

  /** How a member sends the ballot: the codes ticked, in the order ticked. */
  interface Sender {
    void send(Task ballot, List<String> approvals) throws Exception;
  }

  @Test
  void nineTasklistFormsSentAtTheSameMomentAreAllCastTheFirstTimeAndTalliedExactly() throws Exception {
    // Tasklist's submit-form through the webapps' engine API: the engine's form service as the member
    nineAtOnce((ballot, approvals) -> {
      identity.setAuthenticatedUserId(ballot.getAssignee());
      try {
        forms.submitTaskForm(ballot.getId(), Map.of(BallotBox.APPROVALS, Spin.JSON(approvals)));
      } finally {
        identity.clearAuthentication();
      }
    });
  }

  @Test
  void nineEngineRestSubmissionsAndCouncilPageBallotsAtTheSameMomentAreAllCastTheFirstTime() throws Exception {
    Api api = new Api(rest);
    // /engine-rest's submit-form (HTTP Basic) for the odd members, the council page's POST …/ballot for the others
    nineAtOnce((ballot, approvals) -> {
      String member = ballot.getAssignee();
      ResponseEntity<JsonNode> answer;
      if (Integer.parseInt(member.substring("council".length())) % 2 == 1) {
        answer = api.postJson(member, "/engine-rest/task/" + ballot.getId() + "/submit-form",
            Map.of("variables", Map.of(BallotBox.APPROVALS, Map.of("type", "Json", "value", api.write(approvals)))));
        assertThat(answer.getStatusCode()).as("%s: %s", member, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
      } else {
        String key = runtime.createProcessInstanceQuery().processInstanceId(ballot.getProcessInstanceId())
            .singleResult().getBusinessKey();
        answer = api.postJson(member, "/api/council-sessions/" + key + "/ballot",
            Map.of(BallotBox.APPROVALS, approvals));
        assertThat(answer.getStatusCode()).as("%s: %s", member, answer.getBody()).isEqualTo(HttpStatus.OK);
      }
    });
  }

  /**
   * A session with two dossiers of its own; its nine members send their ballots at once through the sender, held at
   * the ballot box until as many as the pool lets in wait there together; then every ballot is cast, the jobs count
   * them and the tally is exactly what was cast.
   */
  private void nineAtOnce(Sender sender) throws Exception {
    init(engine);
    CouncilDossiers fixtures = new CouncilDossiers(dossierService, runtime, tasks);
    Dossier a = fixtures.awaitingCouncil("BK_TINH");
    Dossier b = fixtures.awaitingCouncil("BK_TINH");
    int round = ThreadLocalRandom.current().nextInt(100, 999);
    String key = CouncilSession.key(YEAR, round);
    ProcessInstance pi = runtime.startProcessInstanceByKey(CouncilSession.PROCESS_KEY, key,
        Map.of("year", YEAR, "round", round));
    List<Task> ballots = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(CouncilSession.BALLOT_TASK).list();
    assertThat(ballots).hasSize(9);

    // council1..7 for both (odd members tick a then b, even members b then a), council8 and council9 for b only
    ExecutorService members = Executors.newFixedThreadPool(ballots.size());
    List<Throwable> refused = new ArrayList<>();
    int together = Math.min(ballots.size(), poolSize);
    try (Connection hold = DriverManager.getConnection(PostgresTestDatabase.url(), "postgres", "")) {
      hold.setAutoCommit(false);
      try (PreparedStatement lock = hold.prepareStatement(
          "SELECT dossier_code FROM council_ballot_count WHERE session_key = ? FOR UPDATE")) {
        lock.setString(1, key);
        lock.executeQuery().close();
      }
      List<Future<?>> sent = new ArrayList<>();
      for (Task ballot : ballots) {
        int m = Integer.parseInt(ballot.getAssignee().substring("council".length()));
        List<String> approvals = m >= 8 ? List.of(b.code())
            : m % 2 == 1 ? List.of(a.code(), b.code()) : List.of(b.code(), a.code());
        sent.add(members.submit(() -> {
          sender.send(ballot, approvals);
          return null;
        }));
      }
      awaitWaitingOnLocks(together);
      hold.rollback(); // let them all go at once
      refused.addAll(Futures.failures(sent, Duration.ofSeconds(120)));
    } finally {
      members.shutdownNow();
    }

    assertThat(refused).as("ballots refused").isEmpty();
    assertThat(sessions.attendance(key, 1)).hasSize(9);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

    // the job executor counts the ballots, one job at a time, and the vote goes on to the tally
    Jobs.settleInstance(management, pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_CheckQuorum", "Task_Tally", "EndEvent_Resolved")
        .hasNotPassed("Task_Reconvene", "Timer_BallotDeadline", "Message_VoteClosedEarly");
    assertThat(item(key, a)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(7);
      assertThat(i.votesAgainst()).isEqualTo(2);
    });
    assertThat(item(key, b)).satisfies(i -> {
      assertThat(i.votesFor()).isEqualTo(9);
      assertThat(i.votesAgainst()).isZero();
    });
  }

  /** Waits until this many other transactions of the test database wait for a lock (the members' ballots). */
  private static void awaitWaitingOnLocks(int count) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Connection watch = DriverManager.getConnection(PostgresTestDatabase.url(), "postgres", "");
         PreparedStatement waiting = watch.prepareStatement("SELECT count(*) FROM pg_stat_activity"
             + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      while (true) {
        try (ResultSet rs = waiting.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= count) {
            return;
          }
        }
        if (System.nanoTime() > until) {
          throw new AssertionError("fewer than " + count + " ballots reached the ballot box together");
        }
        Thread.sleep(50);
      }
    }
  }

  private CouncilRepository.AgendaItem item(String key, Dossier d) {
    return sessions.agenda(key).stream().filter(i -> i.dossierCode().equals(d.code())).findFirst().orElseThrow();
  }
}
