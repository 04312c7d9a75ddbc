package vn.gov.sonla.tdkt.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The intake deadline day, as the people do it, through the same HTTP as the browser (login form, session cookie
 * and CSRF header for the pages and the webapps' engine API) and as API clients (HTTP Basic): officers of the 50
 * units open their list and submit a dossier with three PDFs; a unit's software lists, reads and submits with HTTP
 * Basic; appraisers open Tasklist's filter, a task's form variables, claim and complete (asking for a supplement);
 * council members cast their ballots in Tasklist; the Chairman decides a batch of 20 dossiers in Tasklist; auditors
 * search and read a trail; citizens read the public notice. What the council and the Chairman need is made in the
 * set-up ({@link LoadEnvironment}).
 *
 * <p>Open-model injection ramped from {@code load.rate.start} to {@code load.rate.end} new sessions per second over
 * {@code load.ramp} seconds, then held for {@code load.hold} seconds; the ballots and the batches arrive spread over
 * both. The targets of issue 20 are Gatling assertions per request (p95): lists and reads 150 ms; claim, complete
 * and ballot 300 ms; a submission with three documents 800 ms; the batch decision 1 s; and no failed request
 * ({@link Targets}). The report (HTML with charts) is written under {@code target/gatling/}. The same build runs the
 * scenario again against the skeleton model as the anchor ({@link DeadlineDaySkeletonSimulation}); {@link
 * AnchorComparison} prints both side by side.
 */
public class DeadlineDaySimulation extends Simulation {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The application under load, on its database: the real model here, the skeleton in the anchor's subclass. */
  private final LoadEnvironment env = LoadEnvironment.start(target());

  private static final double RATE_START = Double.parseDouble(System.getProperty("load.rate.start", "0.5"));
  private static final double RATE_END = Double.parseDouble(System.getProperty("load.rate.end", "4"));
  private static final Duration RAMP = Duration.ofSeconds(Long.getLong("load.ramp", 120));
  private static final Duration HOLD = Duration.ofSeconds(Long.getLong("load.hold", 60));

  // the backlog shrinks while the appraisers complete tasks: pages within its first 90 % stay filled
  private static final int OFFSET_RANGE = Math.max(1, Integer.getInteger("load.open-dossiers", 10_000) * 9 / 10 - 15);

  private final HttpProtocolBuilder protocol = http.baseUrl(env.baseUrl())
      .acceptLanguageHeader("vi-VN,vi;q=0.9")
      .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) tdkt-load")
      .disableFollowRedirect();

  /** The login form, then the session's CSRF token for the project's API ({@code apiCsrf}). */
  private static ChainBuilder login(String user, String password) {
    return exec(
        http("login page").get("/login").check(status().is(200),
            css("input[name=_csrf]", "value").saveAs("loginCsrf")),
        http("login").post("/login").formParam("username", user).formParam("password", password)
            .formParam("_csrf", "#{loginCsrf}").check(status().is(302)),
        http("session").get("/api/session").check(status().is(200), jsonPath("$.csrf.token").saveAs("apiCsrf")));
  }

  /** A unit's officer (any of the 50 units) with their password, and a seed for the dossier they send. */
  private static Iterator<Map<String, Object>> officers() {
    Random random = new Random();
    return Stream.generate(() -> {
      String officer = LoadEnvironment.OFFICERS[random.nextInt(LoadEnvironment.OFFICERS.length)];
      return Map.<String, Object>of("officer", officer, "password", LoadEnvironment.password(officer),
          "seed", random.nextLong());
    }).iterator();
  }

  /** The multipart body of a random dossier with three documents of 0.3–2 MB ({@code dossierBody}, boundary). */
  private static Session withDossier(Session session) {
    int size = ThreadLocalRandom.current().nextInt(300_000, 2_000_000);
    Dossiers.Request request = Dossiers.random(session.getLong("seed"), size);
    return session.set("dossierBody", request.body()).set("dossierBoundary", request.boundary());
  }

  /** Tasklist opened: the page, the XSRF cookie, the user's filters; the id of {@code filterName} as "filter". */
  private static ChainBuilder tasklist(String filterName) {
    return exec(
        http("tasklist").get("/camunda/app/tasklist/default/").check(status().in(200, 304)),
        getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")),
        http("filters").get("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=false")
            .header("X-XSRF-TOKEN", "#{xsrf}")
            .check(status().is(200), jsonPath("$[?(@.name=='" + filterName + "')].id").saveAs("filter")));
  }

  private final ScenarioBuilder officer = scenario("unit officer submits")
      .feed(officers())
      .exec(login("#{officer}", "#{password}"))
      .exec(http("dossier list").get("/api/dossiers?page=0&size=20").check(status().is(200)))
      .exec(DeadlineDaySimulation::withDossier)
      .exec(http("submission (3 documents)").post("/api/dossiers")
          .header("X-CSRF-TOKEN", "#{apiCsrf}")
          .header("Content-Type", "multipart/form-data; boundary=#{dossierBoundary}")
          .body(io.gatling.javaapi.core.CoreDsl.ByteArrayBody("#{dossierBody}"))
          .check(status().is(201), jsonPath("$.code").saveAs("code")))
      .exec(http("dossier").get("/api/dossiers/#{code}").check(status().is(200)));

  /** Tasklist as the appraiser's browser uses it: the webapp's engine API with the session and X-XSRF-TOKEN. */
  private final ScenarioBuilder appraiser = scenario("appraiser works a task")
      // appraisers work through the backlog, not all on its newest page: each opens a page of its own
      .exec(session -> session.set("offset", ThreadLocalRandom.current().nextInt(0, OFFSET_RANGE)))
      .exec(login("appraiser", LoadEnvironment.PASSWORD))
      .exec(tasklist("Hồ sơ chờ thẩm định"))
      .exec(http("filter list").post("/camunda/api/engine/engine/default/filter/#{filter}/list?firstResult=#{offset}&maxResults=15")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Accept", "application/hal+json")
          .header("Content-Type", "application/json")
          .body(StringBody("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true,"
              + "\"unassigned\":true}"))
          .check(status().is(200), jsonPath("$._embedded.task[*].id").findRandom().saveAs("task")))
      .exec(http("form variables").get("/camunda/api/engine/engine/default/task/#{task}/form-variables")
          .header("X-XSRF-TOKEN", "#{xsrf}").check(status().is(200)))
      .exec(http("claim").post("/camunda/api/engine/engine/default/task/#{task}/claim")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{\"userId\":\"appraiser\"}")).check(status().is(204)))
      .exec(http("complete").post("/camunda/api/engine/engine/default/task/#{task}/submit-form")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{\"variables\":{\"appraisalOutcome\":{\"value\":\"SUPPLEMENT\"},\"appraisalSummary\":"
              + "{\"value\":\"Thiếu biên bản họp xét của đơn vị.\"},\"missingItems\":"
              + "{\"value\":\"Bổ sung biên bản họp Hội đồng Thi đua - Khen thưởng đơn vị.\"}}}"))
          .check(status().is(204)));

  private final ScenarioBuilder auditor = scenario("auditor searches and reads a trail")
      .exec(login("auditor", LoadEnvironment.PASSWORD))
      .exec(http("search").get("/api/dossiers/search?q=nguyen&page=0&size=20")
          .check(status().is(200), jsonPath("$.items[*].code").findRandom().optional().saveAs("found")))
      .doIf(session -> session.contains("found")).then(
          exec(http("trail").get("/api/dossiers/#{found}/history").check(status().is(200))));

  private final ScenarioBuilder citizen = scenario("citizen reads the public notice")
      .exec(http("public notice page").get("/public/notices.html").check(status().is(200)))
      .exec(http("public notices").get("/api/public/notices").check(status().is(200)));

  /**
   * A unit's software (HTTP Basic on every request, no session, no CSRF): its dossiers' list, one dossier, and a
   * submission with three documents.
   */
  private final ScenarioBuilder apiClient = scenario("unit software (HTTP Basic)")
      .feed(officers())
      .exec(http("api dossier list").get("/api/dossiers?page=0&size=20").basicAuth("#{officer}", "#{password}")
          .check(status().is(200), jsonPath("$.items[*].code").findRandom().optional().saveAs("listed")))
      .doIf(session -> session.contains("listed")).then(
          exec(http("api dossier").get("/api/dossiers/#{listed}").basicAuth("#{officer}", "#{password}")
              .check(status().is(200))))
      .exec(DeadlineDaySimulation::withDossier)
      .exec(http("api submission (3 documents)").post("/api/dossiers").basicAuth("#{officer}", "#{password}")
          .header("Content-Type", "multipart/form-data; boundary=#{dossierBoundary}")
          .body(io.gatling.javaapi.core.CoreDsl.ByteArrayBody("#{dossierBody}"))
          .check(status().is(201)));

  /**
   * A council member casts their ballot in Tasklist: the filter "Phiếu biểu quyết" narrowed to the session, the
   * ballot's form variables (agenda), and the form submitted with the codes they are in favour of (the form's
   * checklist, sent by Tasklist as a JSON variable).
   */
  private final ScenarioBuilder councilMember = scenario("council member votes")
      .feed(listFeeder(env.ballots().stream().flatMap(b -> IntStream.rangeClosed(1, LoadEnvironment.COUNCIL_MEMBERS)
          .mapToObj(m -> Map.<String, Object>of("member", "council" + m, "session", b.session(),
              "approvals", jsonString(b.codes())))).toList()).shuffle())
      .exec(login("#{member}", LoadEnvironment.PASSWORD))
      .exec(tasklist("Phiếu biểu quyết"))
      .exec(http("ballot list").post("/camunda/api/engine/engine/default/filter/#{filter}/list?firstResult=0&maxResults=15")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Accept", "application/hal+json")
          .header("Content-Type", "application/json")
          .body(StringBody("{\"processInstanceBusinessKey\":\"#{session}\",\"sorting\":[{\"sortBy\":\"created\","
              + "\"sortOrder\":\"desc\"}]}"))
          .check(status().is(200), jsonPath("$._embedded.task[0].id").saveAs("ballot")))
      .exec(http("ballot form variables").get("/camunda/api/engine/engine/default/task/#{ballot}/form-variables")
          .header("X-XSRF-TOKEN", "#{xsrf}").check(status().is(200)))
      .exec(http("ballot").post("/camunda/api/engine/engine/default/task/#{ballot}/submit-form")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody(session -> "{\"variables\":{\"approvals\":{\"type\":\"Json\",\"value\":"
              + jsonString(session.getString("approvals")) + "}}}"))
          .check(status().is(204)));

  /**
   * The Chairman decides a batch in Tasklist: the filter "Chờ quyết định khen thưởng" narrowed to the batch, the
   * task's form variables (the batch's items), claim, and the form submitted (draft reviewed, all approved).
   */
  private final ScenarioBuilder chairman = scenario("chairman decides a batch")
      .feed(listFeeder(env.batches().stream().map(b -> Map.<String, Object>of("batch", b)).toList()).queue())
      .exec(login("chairman", LoadEnvironment.PASSWORD))
      .exec(tasklist("Chờ quyết định khen thưởng"))
      .exec(http("batch list").post("/camunda/api/engine/engine/default/filter/#{filter}/list?firstResult=0&maxResults=15")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Accept", "application/hal+json")
          .header("Content-Type", "application/json")
          .body(StringBody("{\"processInstanceBusinessKey\":\"#{batch}\",\"sorting\":[{\"sortBy\":\"created\","
              + "\"sortOrder\":\"desc\"}]}"))
          .check(status().is(200), jsonPath("$._embedded.task[0].id").saveAs("task")))
      .exec(http("batch form variables").get("/camunda/api/engine/engine/default/task/#{task}/form-variables")
          .header("X-XSRF-TOKEN", "#{xsrf}").check(status().is(200)))
      .exec(http("batch claim").post("/camunda/api/engine/engine/default/task/#{task}/claim")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{\"userId\":\"chairman\"}")).check(status().is(204)))
      .exec(http("batch decision").post("/camunda/api/engine/engine/default/task/#{task}/submit-form")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{\"variables\":{\"draftReviewed\":{\"value\":true,\"type\":\"Boolean\"},"
              + "\"excludedList\":{\"value\":\"\",\"type\":\"String\"},"
              + "\"refusedList\":{\"value\":\"\",\"type\":\"String\"}}}"))
          .check(status().is(204)));

  /** A JSON string literal of {@code text}; of a list: its JSON array. */
  private static String jsonString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private PopulationBuilder open(ScenarioBuilder scenario, double share) {
    return scenario.injectOpen(
        rampUsersPerSec(RATE_START * share).to(RATE_END * share).during(RAMP),
        constantUsersPerSec(RATE_END * share).during(HOLD));
  }

  /** {@code users} arrivals spread evenly over the ramp and the hold (the council's ballots, the batches). */
  private PopulationBuilder spread(ScenarioBuilder scenario, int users) {
    return scenario.injectOpen(rampUsers(users).during(RAMP.plus(HOLD)));
  }

  {
    List<PopulationBuilder> populations = new ArrayList<>(List.of(
        open(officer, 0.30),
        open(apiClient, 0.10),
        open(appraiser, 0.25),
        open(auditor, 0.15),
        open(citizen, 0.20)));
    if (!env.ballots().isEmpty()) {
      populations.add(spread(councilMember, env.ballots().size() * LoadEnvironment.COUNCIL_MEMBERS));
    }
    if (!env.batches().isEmpty()) {
      populations.add(spread(chairman, env.batches().size()));
    }
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(global().failedRequests().count().is(0L));
    Targets.P95.forEach((request, ms) -> assertions.add(details(request).responseTime().percentile(95.0).lte(ms)));
    setUp(populations)
        .protocols(protocol)
        .assertions(assertions);
  }

  /** Which model the application runs: {@link LoadEnvironment.Target#REAL} here. */
  protected LoadEnvironment.Target target() {
    return LoadEnvironment.Target.REAL;
  }

  @Override
  public void after() {
    env.stop();
  }
}
