package vn.gov.sonla.tdkt.bloc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.support.Api;

/**
 * Issue 9 acceptance, through the API: a year of 3 blocs of 6 units each (registration with one late unit
 * reminded, self-assessments, the review meetings' scores with a tie broken by bloc-tie-break, the flag
 * proposals), and the leading unit's CO_TINH dossier driven through the pipeline to AWARDED; and the bad scoring
 * input refused with clear errors. Run on H2 ({@link BlocYearAcceptanceTest}) and PostgreSQL
 * ({@link BlocYearPostgresTest}).
 */
abstract class BlocYearScenarios {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired DossierRepository dossiers;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VN).toInstant());
  }

  private static String officer(String unit) {
    return "officer." + unit;
  }

  private void runJobs(String processKey) {
    for (int i = 0; i < 20; i++) {
      List<Job> due = management.createJobQuery().executable().processDefinitionKey(processKey).list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> vn.gov.sonla.tdkt.support.Jobs.executeIfPresent(management, job.getId()));
    }
  }

  private ResponseEntity<JsonNode> csv(String user, String url, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    return new Api(rest).as(user).postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** The review meeting's points per unit of bloc b (1-based unit index); bloc 1 has the tie. */
  private static Map<String, BigDecimal> points(int bloc, int unit) {
    if (bloc == 1) {
      return switch (unit) {
        case 3 -> BlocFixtures.points(37, 18, 15, 15, 9); // 74 + 27 + 39 = 140
        case 4 -> BlocFixtures.points(38, 18, 14, 14, 9); // 76 + 27 + 37 = 140, higher on NV (weight 2)
        default -> BlocFixtures.points(30 + unit, 15, 12, 12, 8);
      };
    }
    return BlocFixtures.points(40 - unit, 16, 12, 12, 8);
  }

  @Test
  void aYearOfThreeBlocsOfSixUnitsEndsWithTheLeadingUnitsEmulationFlag() {
    Api api = new Api(rest);
    StringBuilder file = new StringBuilder("bloc_code,bloc_name,kind,unit_code,role\n");
    Map<Integer, List<String>> members = new LinkedHashMap<>();
    String[] names = {"Khối các sở quản lý kinh tế", "Khối các sở văn hóa - xã hội", "Cụm các xã vùng cao"};
    for (int b = 1; b <= 3; b++) {
      List<String> units = BlocFixtures.units(identity, "k" + b + "u", 6, "Đơn vị khối " + b);
      members.put(b, units);
      for (int u = 0; u < 6; u++) {
        file.append("khoi-").append(b).append(',').append(names[b - 1]).append(',').append(b == 3 ? "CLUSTER" : "BLOC")
            .append(',').append(units.get(u)).append(',').append(u == 0 ? "HEAD" : u == 1 ? "DEPUTY" : "MEMBER")
            .append('\n');
      }
    }
    // only home-affairs manages the blocs
    assertThat(csv(officer("k1u1"), "/api/blocs/import?year=2025", file.toString()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> imported = csv("appraiser", "/api/blocs/import?year=2025", file.toString());
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).hasSize(3);
    assertThat(imported.getBody().get(0).get("head").asText()).isEqualTo("k1u1");
    assertThat(imported.getBody().get(0).get("members")).hasSize(6);

    // January: the year opens, 17 units register, k2u6 does not
    ClockUtil.setCurrentTime(at(2025, 1, 2, 9, 0));
    ResponseEntity<JsonNode> opened = api.postJson("appraiser", "/api/blocs/years", Map.of("year", 2025));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String late = "k2u6";
    for (List<String> units : members.values()) {
      for (String unit : units) {
        if (unit.equals(late)) {
          continue;
        }
        ResponseEntity<JsonNode> reg = api.postJson(officer(unit), "/api/blocs/registrations", Map.of("year", 2025,
            "commitments", "Hoàn thành xuất sắc các chỉ tiêu kinh tế - xã hội năm 2025; 100% cán bộ hoàn thành nhiệm vụ.",
            "targetTitles", List.of("TTLDXS", "CO_TINH")));
        assertThat(reg.getStatusCode()).as(unit).isEqualTo(HttpStatus.CREATED);
      }
    }
    // a unit registers only for itself
    assertThat(api.postJson(officer("k1u1"), "/api/blocs/registrations", Map.of("year", 2025, "unitCode", "k1u2",
        "commitments", "x", "targetTitles", List.of("TTLDXS"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ProcessInstance year = runtime.createProcessInstanceQuery().processDefinitionKey("emulation-year")
        .processInstanceBusinessKey("2025").singleResult();
    Job deadline = management.createJobQuery().processInstanceId(year.getId()).activityId("Timer_RegistrationDeadline")
        .singleResult();
    ClockUtil.setCurrentTime(deadline.getDuedate());
    management.executeJob(deadline.getId());
    JsonNode status = api.get("appraiser", "/api/blocs/registrations?year=2025").getBody();
    assertThat(status.get("notRegistered")).hasSize(1);
    assertThat(status.get("notRegistered").get(0).asText()).isEqualTo(late);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = 'unit-k2u6' AND kind = 'BLOC_REGISTRATION_REMINDER'")
        .query(Long.class).single()).isEqualTo(1);
    JsonNode reminded = api.get(officer(late), "/api/notifications").getBody();
    assertThat(reminded.findValuesAsText("kind")).contains("BLOC_REGISTRATION_REMINDER");
    // the reminded unit registers, late
    ClockUtil.setCurrentTime(at(2025, 2, 10, 9, 0));
    assertThat(api.postJson(officer(late), "/api/blocs/registrations", Map.of("year", 2025,
        "commitments", "Hoàn thành tốt nhiệm vụ năm 2025.", "targetTitles", List.of("TTLDXS"))).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    status = api.get("auditor", "/api/blocs/registrations?year=2025").getBody();
    assertThat(status.get("notRegistered")).isEmpty();
    JsonNode lateEntry = null;
    for (JsonNode b : status.get("blocs")) {
      for (JsonNode u : b.get("units")) {
        if (u.get("unitCode").asText().equals(late)) {
          lateEntry = u;
        }
      }
    }
    assertThat(lateEntry.get("late").asBoolean()).isTrue();
    assertThat(lateEntry.get("remindedAt").isNull()).isFalse();
    // the leading unit's year is rated excellent in the award register (the CO_TINH criteria need it)
    assertThat(api.postJson(officer("k1u4"), "/api/unit-records", Map.of("subjectKind", "COLLECTIVE",
        "name", "Đơn vị khối 1 số 4", "role", "COLLECTIVE", "year", 2025, "rating", "EXCELLENT")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    // year end: each bloc's self-assessments
    ClockUtil.setCurrentTime(at(2025, 12, 1, 8, 0));
    management.executeJob(management.createJobQuery().processInstanceId(year.getId()).activityId("Timer_YearEnd")
        .singleResult().getId());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("bloc-year").processInstanceBusinessKeyLike("2025-%").count()).isEqualTo(3);
    int minute = 0;
    for (Map.Entry<Integer, List<String>> bloc : members.entrySet()) {
      for (int u = 1; u <= 6; u++) {
        ClockUtil.setCurrentTime(at(2025, 12, 2, 9, minute++));
        ResponseEntity<JsonNode> self = api.postJson(officer(bloc.getValue().get(u - 1)),
            "/api/blocs/khoi-" + bloc.getKey() + "/years/2025/self-assessments", Map.of(
                "report", "Báo cáo tổng kết công tác thi đua năm 2025 của đơn vị.",
                "evidence", "Báo cáo số " + u + "/BC ngày 30/11/2025 (đã tải lên trang hồ sơ của đơn vị).",
                "points", points(bloc.getKey(), u), "disciplineCases", 0));
        assertThat(self.getStatusCode()).as("self-assessment %s", bloc.getValue().get(u - 1)).isEqualTo(HttpStatus.CREATED);
      }
    }

    // the review meetings: the head scores the members, the deputy scores the head
    Map<Integer, JsonNode> rankings = new HashMap<>();
    for (Map.Entry<Integer, List<String>> bloc : members.entrySet()) {
      String url = "/api/blocs/khoi-" + bloc.getKey() + "/years/2025";
      List<String> units = bloc.getValue();
      for (int u = 1; u <= 6; u++) {
        String scorer = u == 1 ? units.get(1) : units.get(0);
        ResponseEntity<JsonNode> scored = api.postJson(officer(scorer), url + "/scores",
            Map.of("unitCode", units.get(u - 1), "points", points(bloc.getKey(), u)));
        assertThat(scored.getStatusCode()).as("score of %s", units.get(u - 1)).isEqualTo(HttpStatus.OK);
      }
      // members see nothing before the ranking is published
      assertThat(api.get(officer(units.get(4)), url + "/ranking").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(api.postJson(officer(units.get(0)), url + "/scoring/completion", null).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      ResponseEntity<JsonNode> reviewed = api.postJson(officer(units.get(1)), url + "/review",
          Map.of("approve", true, "note", "Kết quả đúng biên bản hội nghị tổng kết."));
      assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode ranking = api.get(officer(units.get(4)), url + "/ranking").getBody();
      assertThat(ranking).hasSize(6);
      assertThat(ranking.get(0).get("published").asBoolean()).isTrue();
      rankings.put(bloc.getKey(), ranking);
    }
    // bloc 1: k1u3 and k1u4 both 140 points; k1u4 leads on the first-weighted criterion (NV)
    JsonNode first = rankings.get(1);
    assertThat(first.get(0).get("unitCode").asText()).isEqualTo("k1u4");
    assertThat(first.get(0).get("total").decimalValue()).isEqualByComparingTo("140");
    assertThat(first.get(0).get("tieBreak").asText()).isEqualTo("FIRST_CRITERION");
    assertThat(first.get(1).get("unitCode").asText()).isEqualTo("k1u3");
    assertThat(first.get(1).get("total").decimalValue()).isEqualByComparingTo("140");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = 'unit-k1u6' AND kind = 'BLOC_RANKING_PUBLISHED'")
        .query(Long.class).single()).isEqualTo(1);

    // the heads propose their leading unit; each proposal becomes a CO_TINH dossier
    List<String> codes = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> bloc : members.entrySet()) {
      String leader = rankings.get(bloc.getKey()).get(0).get("unitCode").asText();
      ResponseEntity<JsonNode> proposed = api.postJson(officer(bloc.getValue().get(0)),
          "/api/blocs/khoi-" + bloc.getKey() + "/years/2025/flag-proposal", Map.of("units", List.of(leader)));
      assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    runJobs("bloc-year");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("bloc-year").processInstanceBusinessKeyLike("2025-%").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(year.getId()).count()).isZero();
    for (int b = 1; b <= 3; b++) {
      JsonNode leader = api.get("appraiser", "/api/blocs/khoi-" + b + "/years/2025/ranking").getBody().get(0);
      assertThat(leader.get("flagProposed").asText()).isEqualTo("CO_TINH");
      codes.add(leader.get("dossierCode").asText());
    }
    String code = codes.get(0);
    assertThat(code).startsWith("2025-k1u4-");
    JsonNode dossier = api.get(officer("k1u4"), "/api/dossiers/" + code).getBody();
    assertThat(dossier.get("awardType").asText()).isEqualTo("CO_TINH");
    assertThat(dossier.get("subjectName").asText()).isEqualTo("Đơn vị khối 1 số 4");
    assertThat(dossier.get("documents").findValuesAsText("type")).contains("REVIEW_MINUTES", "PROPOSAL_LETTER");
    String pi = dossiers.find(code).orElseThrow().processInstanceId();
    assertThat(runtime.getVariable(pi, "eligible")).isEqualTo(true);

    // the pipeline: appraisal, council, public notice, the Chairman's decision
    api.appraiseValid(code);
    // a round of its own: the context is shared (the plan tests open 2025's rounds 1 and 2)
    ResponseEntity<JsonNode> session = api.postJson("appraiser", "/api/council-sessions", Map.of("year", 2025, "round", 52));
    assertThat(session.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String key = session.getBody().get("key").asText();
    assertThat(session.getBody().get("agenda").findValuesAsText("dossierCode")).contains(code);
    for (int member = 1; member <= 9; member++) {
      assertThat(api.postJson("council" + member, "/api/council-sessions/" + key + "/ballot",
          Map.of("approvals", List.of(code))).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    runJobs("council-session");
    assertThat(api.get("appraiser", "/api/dossiers/" + code).getBody().get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    management.executeJob(management.createJobQuery().processInstanceId(pi).activityId("Timer_NoticePeriod")
        .singleResult().getId());
    api.chairmanApproves(code);
    assertThat(api.get(officer("k1u4"), "/api/dossiers/" + code).getBody().get("status").asText()).isEqualTo("AWARDED");

    // the Government Emulation Flag is proposed from among the flag holders
    JsonNode holders = api.get("appraiser", "/api/blocs/flag-holders?year=2025").getBody();
    assertThat(holders.findValuesAsText("unitCode")).containsExactly("k1u4");
    ResponseEntity<JsonNode> notHolder = api.postJson("appraiser", "/api/blocs/co-cp", Map.of("year", 2025, "unitCode", "k1u3"));
    assertThat(notHolder.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notHolder.getBody().get("errors").get(0).get("message").asText()).contains("không được tặng Cờ thi đua");
    ResponseEntity<JsonNode> coCp = api.postJson("appraiser", "/api/blocs/co-cp", Map.of("year", 2025, "unitCode", "k1u4"));
    assertThat(coCp.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String coCpCode = coCp.getBody().get("code").asText();
    assertThat(coCp.getBody().get("awardType").asText()).isEqualTo("CO_CP");
    assertThat(runtime.getVariable(dossiers.find(coCpCode).orElseThrow().processInstanceId(), "eligible")).isEqualTo(true);

    // the dashboard shows each bloc's year
    JsonNode dashboard = api.get("auditor", "/api/blocs/dashboard?from=2024&to=2025").getBody();
    // found by code: other classes' blocs may come first (the context is shared)
    JsonNode bloc1 = null;
    for (JsonNode bloc : dashboard.get("blocs")) {
      if ("khoi-1".equals(bloc.get("code").asText())) {
        bloc1 = bloc;
      }
    }
    assertThat(bloc1).as("khoi-1 on the dashboard").isNotNull();
    assertThat(bloc1.get("years")).hasSize(1);
    assertThat(bloc1.get("years").get(0).get("registered").asInt()).isEqualTo(6);
    assertThat(bloc1.get("years").get(0).get("ranking")).hasSize(6);
  }

  @Test
  void badScoringInputIsRefusedWithAClearError() {
    Api api = new Api(rest);
    List<String> units = BlocFixtures.units(identity, "xbu", 3, "Đơn vị thử");
    ResponseEntity<JsonNode> saved = api.postJson("appraiser", "/api/blocs", Map.of("code", "khoi-x", "name",
        "Khối thử nghiệm", "kind", "BLOC", "year", 2024, "members", units, "head", units.get(0), "deputy", units.get(1)));
    assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // a CSV with a unit that does not exist and a bad role is refused whole, every error with its line
    ResponseEntity<JsonNode> badCsv = csv("appraiser", "/api/blocs/import?year=2024",
        "bloc_code,bloc_name,kind,unit_code,role\nkhoi-y,Khối lỗi,BLOC,xbu1,HEAD\nkhoi-y,Khối lỗi,BLOC,khong-co,CHIEF\n");
    assertThat(badCsv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badCsv.getBody().get("errors").findValuesAsText("field")).contains("dòng 3");
    assertThat(badCsv.getBody().get("errors").findValuesAsText("message"))
        .contains("Không có đơn vị khong-co (nhóm unit-khong-co).", "Phó khối phải là một đơn vị thành viên.");
    assertThat(api.get("appraiser", "/api/blocs?year=2024").getBody().findValuesAsText("code")).doesNotContain("khoi-y");

    ClockUtil.setCurrentTime(at(2024, 12, 2, 9, 0));
    runtime.startProcessInstanceByKey("bloc-year", "2024-khoi-x", Map.of("year", 2024, "blocCode", "khoi-x"));
    String url = "/api/blocs/khoi-x/years/2024";
    // a self-assessment above the maximum is refused too
    ResponseEntity<JsonNode> self = api.postJson(officer(units.get(2)), url + "/self-assessments", Map.of("report", "Báo cáo.",
        "points", BlocFixtures.points(45, 18, 14, 14, 9), "disciplineCases", 0));
    assertThat(self.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(self.getBody().get("errors").findValuesAsText("message")).contains("Điểm tiêu chí NV (45) vượt điểm tối đa 40.");
    for (String unit : units) {
      assertThat(api.postJson(officer(unit), url + "/self-assessments", Map.of("report", "Báo cáo.",
          "points", BlocFixtures.points(35, 18, 14, 14, 9), "disciplineCases", 0)).getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }
    String head = officer(units.get(0));
    Map<String, BigDecimal> above = BlocFixtures.points(41, 18, 14, 14, 9);
    ResponseEntity<JsonNode> tooHigh = api.postJson(head, url + "/scores", Map.of("unitCode", units.get(2), "points", above));
    assertThat(tooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooHigh.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(tooHigh.getBody().get("errors").get(0).get("field").asText()).isEqualTo("points.NV");
    assertThat(tooHigh.getBody().get("errors").get(0).get("message").asText())
        .isEqualTo("Điểm tiêu chí NV (41) vượt điểm tối đa 40.");

    Map<String, BigDecimal> missing = BlocFixtures.points(35, 18, 14, 14, 9);
    missing.remove("KT");
    ResponseEntity<JsonNode> incomplete = api.postJson(head, url + "/scores", Map.of("unitCode", units.get(2), "points", missing));
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody().get("errors").findValuesAsText("message"))
        .containsExactly("Thiếu điểm tiêu chí KT (Tham gia hoạt động chung của cụm, khối).");

    Map<String, BigDecimal> unknown = BlocFixtures.points(35, 18, 14, 14, 9);
    unknown.put("XYZ", BigDecimal.ONE);
    ResponseEntity<JsonNode> notInScheme = api.postJson(head, url + "/scores", Map.of("unitCode", units.get(2), "points", unknown));
    assertThat(notInScheme.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notInScheme.getBody().get("errors").findValuesAsText("field")).containsExactly("points.XYZ");

    ResponseEntity<JsonNode> itself = api.postJson(head, url + "/scores",
        Map.of("unitCode", units.get(0), "points", BlocFixtures.points(40, 20, 15, 15, 10)));
    assertThat(itself.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(itself.getBody().get("errors").findValuesAsText("message"))
        .contains("Đơn vị không được tự chấm điểm cho mình: điểm của Trưởng khối do Phó khối chấm.");

    // a member other than the head scores nobody
    assertThat(api.postJson(officer(units.get(2)), url + "/scores", Map.of("unitCode", units.get(1),
        "points", BlocFixtures.points(35, 18, 14, 14, 9))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // the scoring cannot close with members unscored
    ResponseEntity<JsonNode> early = api.postJson(head, url + "/scoring/completion", null);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody().get("errors")).hasSize(3);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM bloc_score WHERE bloc_code = 'khoi-x'").query(Long.class).single()).isZero();
  }
}
