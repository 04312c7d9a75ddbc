package vn.gov.sonla.tdkt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppNode;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * Two nodes of the packaged application (two JVMs on 127.0.0.1, different ports) on one PostgreSQL database,
 * both with the job executor on and a job lock time of 15 s: what one node does, the other sees; due jobs run
 * exactly once between them; decisions taken on both at once are numbered without gap or repeat; and the jobs a
 * node held when it was killed with SIGKILL are run by the other once their locks expire; and both nodes started
 * at once on the existing database come up.
 *
 * <p>Executions are counted exactly with a test-only process ({@code cluster/cluster-probe.bpmn}, deployed
 * through the engine REST API): each instance has one job — a timer due at once or an asynchronous continuation —
 * whose service task inserts a notification row keyed by the instance's business key in the job's own
 * transaction, so a job run twice would leave two rows; the engine's job log tells which node ran each job.
 * Jobs are made due at once by suspending the probe's job definitions while the instances start, then activating
 * them with their jobs in one call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

  private static final Logger LOG = LoggerFactory.getLogger(TwoNodeClusterIT.class);
  private static final Duration START_UP = Duration.ofMinutes(5);
  private static final int LOCK_TIME_MS = 15_000;
  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String PROBE = "cluster-probe";

  private String database;
  private AppNode a;
  private AppNode b;
  private Connection db;
  /** Job executor lock owner (a random id per JVM) → the node it belongs to, learnt from the job log. */
  private final Map<String, String> nodeOfLockOwner = new ConcurrentHashMap<>();

  /** The SMTP port both nodes send to; nothing listens there until the outbox test starts GreenMail. */
  private final int smtpPort = freePort();

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  void startTwoNodes() throws SQLException {
    database = PostgresTestDatabase.url("tdkt_cluster");
    // the first start on an empty database creates the schema, users and filters: one node at a time
    a = node("node-a").startAndAwaitUp(START_UP);
    b = node("node-b").startAndAwaitUp(START_UP);
    db = DriverManager.getConnection(database, "postgres", "");
    deployProbe();
  }

  private AppNode node(String name) {
    return AppNode.onPostgres(name, "TwoNodeClusterIT", database)
        .property("camunda.bpm.job-execution.enabled", "true")
        // a short lock so that the jobs of a dead node are taken over within the test (default 5 minutes)
        .property("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME_MS))
        // a job made due on one node wakes no other node's executor: poll at least every 2 s
        .property("camunda.bpm.job-execution.wait-time-in-millis", "1000")
        .property("camunda.bpm.job-execution.max-wait", "2000")
        // 3 job threads per node within 8 connections, leaving room for requests and acquisition
        .property("camunda.bpm.job-execution.core-pool-size", "3")
        .property("camunda.bpm.job-execution.max-pool-size", "3")
        .property("camunda.bpm.job-execution.queue-capacity", "3")
        // e-mail copies of notifications to the test's SMTP server (started only by the outbox test): both nodes
        // retry every second, so that they race for the same e-mails
        .property("spring.mail.host", "127.0.0.1")
        .property("spring.mail.port", String.valueOf(smtpPort))
        .property("tdkt.mail.retry-interval", "PT1S")
        .property("tdkt.mail.max-attempts", "1000")
        .property("tdkt.mail.claim-timeout", "PT20S")
        .property("tdkt.mail.node", name)
        // the mail server is down on purpose for most of the class: not a reason for the node to report DOWN
        .property("management.health.mail.enabled", "false")
        // one notification per dossier (no digest of a burst), for counting
        .property("tdkt.notification.burst-threshold", "1000000");
  }

  @AfterAll
  void stopNodes() throws SQLException {
    for (AppNode node : new AppNode[] {a, b}) {
      if (node != null) {
        node.stop();
      }
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  @Order(1)
  void aDossierMovesThroughBothNodesAndEachSeesWhatTheOtherDid() {
    Api onA = a.api();
    Api onB = b.api();
    ResponseEntity<JsonNode> created = onA.createDossier("officer.sgddt", dossierJson("Lò Thị Cụm"),
        Api.requiredFiles("SUDDEN"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();

    // submitted on A, claimed on B ...
    assertThat(onB.get("appraiser", "/api/dossiers/" + code).getBody().get("status").asText()).isEqualTo("SUBMITTED");
    JsonNode task = onB.task("appraiser", code);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_Appraise");
    String taskId = task.get("id").asText();
    assertThat(onB.postJson("appraiser", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "appraiser"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // ... is claimed on A: the assignee, the dossier's status, and another appraiser cannot claim it there
    assertThat(onA.get("appraiser", "/engine-rest/task/" + taskId).getBody().get("assignee").asText())
        .isEqualTo("appraiser");
    assertThat(onA.get("officer.sgddt", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("IN_APPRAISAL");
    ResponseEntity<JsonNode> secondClaim = onA.postJson("appraiser.lead", "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", "appraiser.lead"));
    assertThat(secondClaim.getStatusCode().is2xxSuccessful()).as("second claim: %s", secondClaim.getBody()).isFalse();
    assertThat(secondClaim.getBody().get("type").asText()).isEqualTo("TaskAlreadyClaimedException");

    // completed on A, decided on B, awarded on A with the decision B issued
    assertThat(onA.postJson("appraiser", "/engine-rest/task/" + taskId + "/complete",
        Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ đầy đủ.", "eligibilityOverrideReason",
            "Thành tích đột xuất đã được xác nhận.")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(onB.get("chairman", "/api/dossiers/" + code).getBody().get("status").asText())
        .isEqualTo("AWAITING_DECISION");
    onB.chairmanApproves(code);
    JsonNode awarded = onA.get("officer.sgddt", "/api/dossiers/" + code).getBody();
    assertThat(awarded.get("status").asText()).isEqualTo("AWARDED");
    assertThat(awarded.get("decision").get("number").asText()).matches("\\d+/QĐ-UBND");
    ResponseEntity<byte[]> pdf = onA.as("officer.sgddt").getForEntity("/api/dossiers/" + code + "/decision",
        byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
  }

  @Test
  @Order(2)
  void decisionsTakenOnBothNodesAtOnceAreNumberedWithoutGapOrRepeat() throws Exception {
    int dossiers = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      // 40 dossiers waiting for the Chairman, submitted and appraised through both nodes
      List<Future<String>> submitted = new ArrayList<>();
      for (int i = 0; i < dossiers; i++) {
        AppNode node = i % 2 == 0 ? a : b;
        int n = i;
        submitted.add(pool.submit(() -> {
          Api api = node.api();
          ResponseEntity<JsonNode> created = api.createDossier(n % 4 < 2 ? "officer.syt" : "officer.ptohieu",
              dossierJson("Quàng Văn Số " + n), Api.requiredFiles("SUDDEN"), false);
          assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
          String code = created.getBody().get("code").asText();
          api.appraiseValid(code);
          return code;
        }));
      }
      List<String> codes = new ArrayList<>();
      for (Future<String> code : submitted) {
        codes.add(code.get(10, TimeUnit.MINUTES));
      }

      // the Chairman decides all 40 at once, half on each node
      CountDownLatch go = new CountDownLatch(1);
      Map<String, String> nodeOfDecision = new ConcurrentHashMap<>();
      List<Future<?>> decided = new ArrayList<>();
      for (int i = 0; i < dossiers; i++) {
        AppNode node = i % 2 == 0 ? a : b;
        String code = codes.get(i);
        decided.add(pool.submit((Callable<Void>) () -> {
          go.await();
          node.api().chairmanApproves(code);
          nodeOfDecision.put(code, node.name());
          return null;
        }));
      }
      go.countDown();
      for (Future<?> decision : decided) {
        decision.get(10, TimeUnit.MINUTES);
      }
      assertThat(nodeOfDecision.values().stream().distinct()).containsExactlyInAnyOrder("node-a", "node-b");
    } finally {
      pool.shutdownNow();
    }

    int year = LocalDate.now(ZONE).getYear();
    List<Integer> seqs = new ArrayList<>();
    Set<String> numbered = new HashSet<>();
    try (Statement st = db.createStatement();
         ResultSet rs = st.executeQuery("SELECT d.seq, d.number, d.dossier_code, o.status, o.decision_number"
             + " FROM decision d JOIN dossier o ON o.code = d.dossier_code WHERE d.decision_year = " + year)) {
      while (rs.next()) {
        seqs.add(rs.getInt(1));
        assertThat(rs.getString(2)).isEqualTo(rs.getInt(1) + "/QĐ-UBND").isEqualTo(rs.getString(5));
        assertThat(rs.getString(4)).isEqualTo("AWARDED");
        assertThat(numbered.add(rs.getString(3))).as("one decision for %s", rs.getString(3)).isTrue();
      }
    }
    // every decision of the year, those of the first test included: 1..n, each once
    assertThat(seqs).hasSizeGreaterThanOrEqualTo(dossiers)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, seqs.size()).boxed().toList());
    assertThat(longValue("SELECT last_value FROM counter WHERE name = 'decision/" + year + "'")).isEqualTo(seqs.size());
    assertThat(longValue("SELECT COUNT(*) FROM award_record")).isEqualTo(seqs.size());
  }

  @Test
  @Order(3)
  void twoThousandJobsDueAtOnceRunExactlyOnceBetweenTheNodes() throws Exception {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (int i = 0; i < 2000; i++) {
      kinds.put("due-%04d".formatted(i), i % 2 == 0 ? "timer" : "async");
    }
    suspendProbeJobs(true);
    Map<String, String> instances = startProbes(kinds);
    assertThat(count("/engine-rest/job/count?processDefinitionKey=" + PROBE + "&suspended=true")).isEqualTo(2000);
    assertThat(count("/engine-rest/job/count?processDefinitionKey=" + PROBE + "&active=true")).isZero();
    assertThat(count("/engine-rest/job/count?processDefinitionKey=" + PROBE + "&timers=true")).isEqualTo(1000);
    assertThat(count("/engine-rest/job/count?processDefinitionKey=" + PROBE + "&messages=true")).isEqualTo(1000);

    Map<String, String> ownerOfJob = new ConcurrentHashMap<>();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> sampleLockOwners(ownerOfJob, sampling), "lock-owner-sampler");
    sampler.start();
    long begin = System.nanoTime();
    suspendProbeJobs(false); // all 2000 due, and acquirable, at once
    try {
      await().alias("2000 probe jobs run").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
          .until(() -> count("/engine-rest/job/count?processDefinitionKey=" + PROBE) == 0);
    } finally {
      sampling.set(false);
      sampler.join();
    }
    double seconds = (System.nanoTime() - begin) / 1e9;

    // each job's effect exactly once: one row per instance, of its kind
    Map<String, List<String>> rows = probeRows("due-%");
    assertThat(rows.keySet()).isEqualTo(kinds.keySet());
    List<String> twice = rows.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey).toList();
    assertThat(twice).as("instances whose job left more than one row").isEmpty();
    kinds.forEach((key, kind) -> assertThat(rows.get(key)).containsExactly(
        kind.equals("timer") ? "PROBE_TIMER" : "PROBE_ASYNC"));

    // the engine's own account: one successful execution per job, none failed, and both nodes took part
    Map<String, List<Run>> log = jobLog(instances.values());
    assertThat(log).hasSize(2000);
    log.forEach((job, entries) -> assertThat(entries).as("successful runs of job %s", job).hasSize(1));
    assertThat(longValue("SELECT COUNT(*) FROM act_hi_job_log WHERE process_def_key_ = '" + PROBE
        + "' AND job_state_ = 1")).as("failed runs").isZero();
    assertThat(count("/engine-rest/incident/count")).isZero();
    Map<String, Long> perNode = log.values().stream().collect(Collectors.groupingBy(e -> e.get(0).host(), TreeMap::new,
        Collectors.counting()));
    LOG.info("2000 due jobs ran in {} s: {}", "%.1f".formatted(seconds), perNode);
    assertThat(perNode.keySet()).containsExactly("node-a", "node-b");

    learnLockOwners(ownerOfJob, log);
  }

  @Test
  @Order(4)
  void jobsHeldByANodeKilledWithSigkillAreRunByTheOtherOnceTheirLocksExpire() throws Exception {
    if (!nodeOfLockOwner.containsValue("node-a")) {
      learnLockOwnersWithABatch();
    }
    String ownerA = nodeOfLockOwner.entrySet().stream().filter(e -> e.getValue().equals("node-a"))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      kinds.put("kill-%03d".formatted(i), "async");
    }
    suspendProbeJobs(true);
    Map<String, String> instances = startProbes(kinds);

    // hold the probe's service tasks where they insert their row: both nodes lock jobs and wait on the table
    Map<String, Timestamp> heldByA = new TreeMap<>();
    try (Connection blocker = DriverManager.getConnection(database, "postgres", "")) {
      blocker.setAutoCommit(false);
      try (Statement st = blocker.createStatement()) {
        st.execute("LOCK TABLE notification IN SHARE MODE");
      }
      suspendProbeJobs(false);
      await().alias("node-a holding probe jobs").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> lockedBy(ownerA).size() >= 3);

      assertThat(a.kill()).as("exit status of SIGKILL").isEqualTo(137);
      // What is left of node-a in PostgreSQL can commit nothing more: its idle sessions are gone and the others
      // wait on the table lock, in transactions whose client is dead (no COMMIT can come).
      await().alias("node-a's sessions gone or blocked").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> longValue("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '"
              + a.applicationName() + "' AND NOT (state = 'active' AND wait_event_type = 'Lock')") == 0);
      heldByA.putAll(lockedBy(ownerA));
      blocker.rollback();
    }
    LOG.info("node-a killed holding {} probe jobs: {}", heldByA.size(), heldByA);
    assertThat(heldByA).as("jobs locked by node-a when it died").isNotEmpty();
    // released, each blocked statement of node-a finds no client to answer and its transaction rolls back
    await().alias("node-a's sessions gone").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> longValue("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '"
            + a.applicationName() + "'") == 0);

    await().alias("the kill batch finished by node-b").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
        .until(() -> count("/engine-rest/job/count?processDefinitionKey=" + PROBE) == 0);

    Map<String, List<String>> rows = probeRows("kill-%");
    assertThat(rows.keySet()).isEqualTo(kinds.keySet());
    assertThat(rows.values()).allSatisfy(r -> assertThat(r).containsExactly("PROBE_ASYNC"));
    Map<String, List<Run>> log = jobLog(instances.values());
    assertThat(log).hasSize(300);
    log.forEach((job, entries) -> assertThat(entries).as("successful runs of job %s", job).hasSize(1)
        .allSatisfy(run -> assertThat(run.host()).as("node that ran job %s", job).isEqualTo("node-b")));
    for (Map.Entry<String, Timestamp> held : heldByA.entrySet()) {
      Timestamp ran = log.get(held.getKey()).get(0).at();
      assertThat(ran).as("job %s run by node-b after its lock by node-a expired at %s", held.getKey(),
          held.getValue()).isAfter(held.getValue());
    }
  }

  @Test
  @Order(5)
  void bothNodesStartedAtOnceOnTheExistingDatabaseComeUpAndSetUpOnce() throws SQLException {
    AppNode alive = b.isAlive() ? b : a;
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    // a unit added in Admin gets its grants and filter at the next start, which both nodes now make together
    ResponseEntity<String> group = alive.api().as("admin").postForEntity("/engine-rest/group/create",
        new HttpEntity<>(Map.of("id", "unit-xmuongbu", "name", "UBND xã Mường Bú", "type", "UNIT"), headers),
        String.class);
    assertThat(group.getStatusCode()).as("new group: %s", group.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    a.stop();
    b.stop();

    a.start();
    b.start();
    a.awaitUp(START_UP);
    b.awaitUp(START_UP);

    assertThat(longValue("SELECT COUNT(*) FROM act_ru_filter")).isEqualTo(
        longValue("SELECT COUNT(DISTINCT name_) FROM act_ru_filter"));
    assertThat(longValue("SELECT COUNT(*) FROM act_ru_authorization WHERE group_id_ = 'unit-xmuongbu'"
        + " AND resource_id_ = 'tasklist'")).isEqualTo(1);
    for (AppNode node : new AppNode[] {a, b}) {
      assertThat(node.api().get("officer.sgddt", "/api/dossiers").getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(node.api().get("admin", "/engine-rest/group/unit-xmuongbu").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  /**
   * The e-mail outbox with two nodes: 50 dossiers submitted on both nodes while the mail server is down (every
   * e-mail fails and both nodes retry them every second), plus one e-mail left PENDING by a node that died between
   * its step's commit and the send; then the mail server comes up. Every e-mail is delivered exactly once to each of
   * its recipients, and each attempt was counted once (the attempts never exceed the tries the nodes made).
   */
  @Test
  @Order(6)
  void everyNotificationEmailIsSentOnceHoweverManyNodesRetryIt() throws Exception {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      AppNode node = i % 2 == 0 ? a : b;
      String officer = i % 2 == 0 ? "officer.sgddt" : "officer.syt";
      ResponseEntity<JsonNode> created = node.api().createDossier(officer, dossierJson("Lò Văn Thư"),
          Api.requiredFiles("SUDDEN"), false);
      assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      codes.add(created.getBody().get("code").asText());
    }
    String inList = codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
    // a notification whose node died after the commit, before the send: PENDING, an hour old
    String orphan = UUID.randomUUID().toString();
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO notification (id, recipient, dossier_code, kind,"
        + " message, created_at, mail_status, mail_attempts) VALUES (?, 'appraiser', ?, 'NEW_TASK', 'Việc mới.', ?,"
        + " 'PENDING', 0)")) {
      insert.setString(1, orphan);
      insert.setString(2, codes.get(0));
      insert.setTimestamp(3, Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(1))));
      insert.executeUpdate();
    }
    // the nodes try and fail while the server is down
    await().atMost(Duration.ofSeconds(60)).until(() -> longValue("SELECT COUNT(*) FROM notification WHERE dossier_code"
        + " IN (" + inList + ") AND mail_status = 'FAILED'") > 0);

    com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
        new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    smtp.start();
    try {
      String pending = "SELECT COUNT(*) FROM notification WHERE dossier_code IN (" + inList + ")"
          + " AND mail_status IS NOT NULL AND mail_status NOT IN ('SENT', 'NONE')";
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> longValue(pending) == 0);
      // let any second send that would happen arrive
      Thread.sleep(3_000);

      Map<String, Integer> recipientsOf = new HashMap<>();
      long mailed = 0;
      try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT id, recipient, kind,"
          + " dossier_code, mail_status, mail_attempts, mail_claimed_by FROM notification WHERE dossier_code IN ("
          + inList + ") AND mail_status = 'SENT'")) {
        while (rs.next()) {
          mailed++;
          assertThat(rs.getInt("mail_attempts")).as("attempts of %s", rs.getString("id")).isPositive();
          assertThat(rs.getString("mail_claimed_by")).isIn("node-a", "node-b");
        }
      }
      assertThat(mailed).as("e-mailed notifications of the 50 dossiers and the orphan").isGreaterThanOrEqualTo(51);

      // one e-mail per notification: GreenMail keeps a copy per recipient, all with the message's one Message-ID; a
      // second send of the same notification would be a second Message-ID
      Set<String> messageIds = new HashSet<>();
      for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
        if (codes.stream().anyMatch(m.getSubject()::contains)) {
          messageIds.add(m.getMessageID());
        }
      }
      assertThat(messageIds).as("e-mails of the dossiers' notifications (one per notification)").hasSize((int) mailed);
      assertThat(longValue("SELECT COUNT(*) FROM notification WHERE id = '" + orphan + "' AND mail_status = 'SENT'"))
          .as("the e-mail left PENDING by a dead node").isEqualTo(1);
    } finally {
      smtp.stop();
    }
  }

  /**
   * The login limit holds for the cluster: five wrong passwords for one user name, spread over both nodes, and the
   * sixth attempt is refused on either node (429), even with the right password; per-node buckets would have let
   * each node see only half and refuse nothing.
   */
  @Test
  @Order(7)
  void theLoginLimitIsSharedByTheNodes() {
    String user = "officer.vpubnd";
    for (int i = 0; i < 5; i++) {
      AppNode node = i % 2 == 0 ? a : b;
      ResponseEntity<String> wrong = node.rest().withBasicAuth(user, "wrong-" + i).getForEntity("/api/dossiers",
          String.class);
      assertThat(wrong.getStatusCode()).as("wrong password %d", i).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    for (AppNode node : new AppNode[] {a, b}) {
      ResponseEntity<String> refused = node.rest().withBasicAuth(user, AppNode.DEMO_PASSWORD)
          .getForEntity("/api/dossiers", String.class);
      assertThat(refused.getStatusCode()).as("the right password on %s after five failures on both nodes",
          node.name()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }
    assertThat(longValue0("SELECT COUNT(*) FROM rate_limit_bucket WHERE id = 'login-user:" + user + "'")).isEqualTo(1);
  }

  private long longValue0(String sql) {
    try {
      return longValue(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the probe ----

  private void deployProbe() {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", PROBE);
    body.add("deployment-source", "TwoNodeClusterIT");
    byte[] bpmn;
    try (var in = getClass().getResourceAsStream("/cluster/cluster-probe.bpmn")) {
      bpmn = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentType(MediaType.APPLICATION_XML);
    body.add("cluster-probe.bpmn", new HttpEntity<>(new ByteArrayResource(bpmn) {
      @Override
      public String getFilename() {
        return "cluster-probe.bpmn";
      }
    }, fileHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> deployed = a.api().as("admin").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(deployed.getStatusCode()).as("deployment: %s", deployed.getBody()).isEqualTo(HttpStatus.OK);
  }

  /** Suspends (or activates) the probe's job definitions and all their jobs, in one transaction. */
  private void suspendProbeJobs(boolean suspended) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = a.api().as("admin").exchange("/engine-rest/job-definition/suspended",
        HttpMethod.PUT, new HttpEntity<>(Map.of("processDefinitionKey", PROBE, "suspended", suspended,
            "includeJobs", true), headers), String.class);
    assertThat(response.getStatusCode()).as("suspension: %s", response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Starts one probe instance per business key, through both nodes; returns business key → instance id. */
  private Map<String, String> startProbes(Map<String, String> kinds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Map<String, String> ids = new ConcurrentHashMap<>();
    try {
      List<Future<?>> started = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, String> probe : kinds.entrySet()) {
        Api api = (i++ % 2 == 0 ? a : b).api();
        started.add(pool.submit((Callable<Void>) () -> {
          Map<String, Object> request = new LinkedHashMap<>(Api.variables("kind", probe.getValue()));
          request.put("businessKey", probe.getKey());
          ResponseEntity<JsonNode> response = api.postJson("admin", "/engine-rest/process-definition/key/" + PROBE
              + "/start", request);
          assertThat(response.getStatusCode()).as("start %s: %s", probe.getKey(), response.getBody())
              .isEqualTo(HttpStatus.OK);
          ids.put(probe.getKey(), response.getBody().get("id").asText());
          return null;
        }));
      }
      for (Future<?> f : started) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return ids;
  }

  /** Business key → kinds of the rows the probe's service tasks inserted (one per execution). */
  private Map<String, List<String>> probeRows(String keyPattern) throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT dossier_code, kind FROM notification"
        + " WHERE recipient = 'cluster-probe' AND dossier_code LIKE ?")) {
      ps.setString(1, keyPattern);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return rows;
  }

  /** A successful execution of a job in the engine's job log: the node's host name and when. */
  record Run(String host, Timestamp at) {}

  /** Job id → its successful executions in the engine's job log. */
  private Map<String, List<Run>> jobLog(java.util.Collection<String> processInstanceIds) throws SQLException {
    Set<String> instances = new HashSet<>(processInstanceIds);
    Map<String, List<Run>> log = new HashMap<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT job_id_, hostname_, timestamp_,"
        + " process_instance_id_ FROM act_hi_job_log WHERE process_def_key_ = '" + PROBE + "' AND job_state_ = 2")) {
      while (rs.next()) {
        if (instances.contains(rs.getString(4))) {
          log.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new Run(rs.getString(2), rs.getTimestamp(3)));
        }
      }
    }
    return log;
  }

  /** Probe jobs currently locked by this lock owner: job id → lock expiry. */
  private Map<String, Timestamp> lockedBy(String owner) throws SQLException {
    Map<String, Timestamp> locked = new TreeMap<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT id_, lock_exp_time_ FROM act_ru_job"
        + " WHERE process_def_key_ = ? AND lock_owner_ = ?")) {
      ps.setString(1, PROBE);
      ps.setString(2, owner);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          locked.put(rs.getString(1), rs.getTimestamp(2));
        }
      }
    }
    return locked;
  }

  /** Records which lock owner locked which probe job, until told to stop (own connection). */
  private void sampleLockOwners(Map<String, String> ownerOfJob, AtomicBoolean sampling) {
    try (Connection sampler = DriverManager.getConnection(database, "postgres", "");
         PreparedStatement ps = sampler.prepareStatement("SELECT id_, lock_owner_ FROM act_ru_job"
             + " WHERE process_def_key_ = ? AND lock_owner_ IS NOT NULL")) {
      ps.setString(1, PROBE);
      while (sampling.get()) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ownerOfJob.putIfAbsent(rs.getString(1), rs.getString(2));
          }
        }
        TimeUnit.MILLISECONDS.sleep(20); // the sampling interval
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Joins sampled locks with the job log: each lock owner must belong to exactly one node. */
  private void learnLockOwners(Map<String, String> ownerOfJob, Map<String, List<Run>> log) {
    Map<String, Set<String>> nodes = new HashMap<>();
    ownerOfJob.forEach((job, owner) -> {
      List<Run> runs = log.get(job);
      if (runs != null) {
        nodes.computeIfAbsent(owner, o -> new HashSet<>()).add(runs.get(0).host());
      }
    });
    LOG.info("Lock owners seen: {}", nodes);
    assertThat(nodes.values()).as("nodes of each lock owner").allSatisfy(n -> assertThat(n).hasSize(1));
    nodes.forEach((owner, n) -> nodeOfLockOwner.put(owner, n.iterator().next()));
    assertThat(new HashSet<>(nodeOfLockOwner.values())).containsExactlyInAnyOrder("node-a", "node-b");
  }

  /** When this test runs alone: a small batch to learn the nodes' lock owners. */
  private void learnLockOwnersWithABatch() throws Exception {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      kinds.put("learn-%03d-%s".formatted(i, UUID.randomUUID().toString().substring(0, 8)), "async");
    }
    suspendProbeJobs(true);
    Map<String, String> instances = startProbes(kinds);
    Map<String, String> ownerOfJob = new ConcurrentHashMap<>();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> sampleLockOwners(ownerOfJob, sampling), "lock-owner-sampler");
    sampler.start();
    suspendProbeJobs(false);
    try {
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
          .until(() -> count("/engine-rest/job/count?processDefinitionKey=" + PROBE) == 0);
    } finally {
      sampling.set(false);
      sampler.join();
    }
    learnLockOwners(ownerOfJob, jobLog(instances.values()));
  }

  // ---- helpers ----

  private static Map<String, Object> dossierJson(String name) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("awardType", "BK_TINH");
    d.put("awardKind", "SUDDEN");
    d.put("year", LocalDate.now(ZONE).getYear());
    d.put("subjectKind", "INDIVIDUAL");
    d.put("subjectRole", "DIRECT_WORKER");
    d.put("subjectName", name + " " + UUID.randomUUID().toString().substring(0, 6));
    d.put("birthDate", "1986-04-20");
    d.put("position", "Chiến sĩ");
    d.put("workUnit", "Đội phòng cháy chữa cháy");
    d.put("achievements", "Cứu người trong vụ cháy chợ.");
    return d;
  }

  private long count(String url) {
    return a.isAlive() ? countOn(a, url) : countOn(b, url);
  }

  private static long countOn(AppNode node, String url) {
    ResponseEntity<JsonNode> response = node.api().get("admin", url);
    assertThat(response.getStatusCode()).as("%s: %s", url, response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody().get("count").asLong();
  }

  private long longValue(String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
