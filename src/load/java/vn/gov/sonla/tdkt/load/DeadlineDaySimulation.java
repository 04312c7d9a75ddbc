package vn.gov.sonla.tdkt.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The intake deadline day, as the people do it, through the same HTTP as the browser (login form, session cookie
 * and CSRF header for the pages and the webapps' engine API) and as API clients (HTTP Basic): officers open their
 * list and submit a dossier with three PDFs; appraisers open Tasklist's filter, a task's form variables, claim and
 * complete (asking for a supplement); auditors search and read a trail; citizens read the public notice.
 *
 * <p>Open-model injection ramped from {@code load.rate.start} to {@code load.rate.end} new sessions per second over
 * {@code load.ramp} seconds, then held for {@code load.hold} seconds. The targets of issue 20 are Gatling
 * assertions per request group (p95): lists and reads 150 ms, claim and complete 300 ms, a submission with three
 * documents 800 ms; the report (HTML with charts) is written under {@code target/gatling/}.
 */
public class DeadlineDaySimulation extends Simulation {

  private static final LoadEnvironment ENV = LoadEnvironment.start();

  private static final double RATE_START = Double.parseDouble(System.getProperty("load.rate.start", "0.5"));
  private static final double RATE_END = Double.parseDouble(System.getProperty("load.rate.end", "4"));
  private static final Duration RAMP = Duration.ofSeconds(Long.getLong("load.ramp", 120));
  private static final Duration HOLD = Duration.ofSeconds(Long.getLong("load.hold", 60));

  private static final int OFFSET_RANGE = Math.max(1, Integer.getInteger("load.open-dossiers", 2000) - 15);

  private final HttpProtocolBuilder protocol = http.baseUrl(ENV.baseUrl())
      .acceptLanguageHeader("vi-VN,vi;q=0.9")
      .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) tdkt-load")
      .disableFollowRedirect();

  /** The login form, then the session's CSRF token for the project's API ({@code apiCsrf}). */
  private static ChainBuilder login(String user) {
    return exec(
        http("login page").get("/login").check(status().is(200),
            css("input[name=_csrf]", "value").saveAs("loginCsrf")),
        http("login").post("/login").formParam("username", user).formParam("password", LoadEnvironment.PASSWORD)
            .formParam("_csrf", "#{loginCsrf}").check(status().is(302)),
        http("session").get("/api/session").check(status().is(200), jsonPath("$.csrf.token").saveAs("apiCsrf")));
  }

  private static Iterator<Map<String, Object>> officers() {
    Random random = new Random();
    return Stream.generate(() -> Map.<String, Object>of(
        "officer", LoadEnvironment.OFFICERS[random.nextInt(LoadEnvironment.OFFICERS.length)],
        "seed", random.nextLong())).iterator();
  }

  private final ScenarioBuilder officer = scenario("unit officer submits")
      .feed(officers())
      .exec(session -> session.set("user", session.getString("officer")))
      .exec(login("#{user}"))
      .exec(http("dossier list").get("/api/dossiers?page=0&size=20").check(status().is(200)))
      .exec(session -> {
        int size = ThreadLocalRandom.current().nextInt(300_000, 2_000_000);
        Dossiers.Request request = Dossiers.random(session.getLong("seed"), size);
        return session.set("dossierBody", request.body()).set("dossierBoundary", request.boundary());
      })
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
      .exec(login("appraiser"))
      .exec(http("tasklist").get("/camunda/app/tasklist/default/").check(status().in(200, 304)))
      .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
      .exec(http("filters").get("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=false")
          .header("X-XSRF-TOKEN", "#{xsrf}")
          .check(status().is(200), jsonPath("$[?(@.name=='Hồ sơ chờ thẩm định')].id").saveAs("filter")))
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
      .exec(login("auditor"))
      .exec(http("search").get("/api/dossiers/search?q=nguyen&page=0&size=20")
          .check(status().is(200), jsonPath("$.items[*].code").findRandom().optional().saveAs("found")))
      .doIf(session -> session.contains("found")).then(
          exec(http("trail").get("/api/dossiers/#{found}/history").check(status().is(200))));

  private final ScenarioBuilder citizen = scenario("citizen reads the public notice")
      .exec(http("public notice page").get("/public/notices.html").check(status().is(200)))
      .exec(http("public notices").get("/api/public/notices").check(status().is(200)));

  private PopulationBuilder open(ScenarioBuilder scenario, double share) {
    return scenario.injectOpen(
        rampUsersPerSec(RATE_START * share).to(RATE_END * share).during(RAMP),
        constantUsersPerSec(RATE_END * share).during(HOLD));
  }

  {
    setUp(
        open(officer, 0.35),
        open(appraiser, 0.25),
        open(auditor, 0.15),
        open(citizen, 0.25))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("dossier list").responseTime().percentile(95.0).lte(150),
            details("filter list").responseTime().percentile(95.0).lte(150),
            details("form variables").responseTime().percentile(95.0).lte(150),
            details("search").responseTime().percentile(95.0).lte(150),
            details("public notices").responseTime().percentile(95.0).lte(150),
            details("claim").responseTime().percentile(95.0).lte(300),
            details("complete").responseTime().percentile(95.0).lte(300),
            details("submission (3 documents)").responseTime().percentile(95.0).lte(800));
  }

  @Override
  public void after() {
    ENV.stop();
  }
}
