package vn.gov.sonla.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.PostgresAppTest;

/**
 * A whole round on the real PostgreSQL server, through the APIs as the users do it: 30 dossiers from
 * 3 units (mixed award types and kinds), appraisal, one council session with 9 members voting, the
 * public notice, the Chairman's decisions (sudden awards singly, the others by batch) and a State submission with its central decisions.
 */
@PostgresAppTest
class WholeRoundPostgresTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");


  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired DossierRepository dossiers;
  @Autowired AwardRegister register;
  @Autowired DecisionRepository decisions;

  private record Proposal(String unit, String awardType, String kind, String subjectKind, String name) {}

  private static List<Proposal> proposals() {
    List<Proposal> list = new ArrayList<>();
    String[] units = {"sgddt", "syt", "ptohieu"};
    String[] surnames = {"Lò", "Cầm", "Quàng", "Vì", "Tòng", "Hà", "Lường", "Điêu", "Bạc", "Sa"};
    for (String unit : units) {
      for (int i = 0; i < 10; i++) {
        String name = surnames[i] + " Văn " + unit.toUpperCase() + " " + (i + 1);
        Proposal p = switch (i) {
          case 0, 1, 2, 3 -> new Proposal(unit, "BK_TINH", "ANNUAL", "INDIVIDUAL", name);
          case 4, 5 -> new Proposal(unit, "CSTD_TINH", "ANNUAL", "INDIVIDUAL", name);
          case 6, 7 -> new Proposal(unit, "BK_TINH", "SUDDEN", "INDIVIDUAL", name);
          case 8 -> new Proposal(unit, "BK_TTG", "ANNUAL", "INDIVIDUAL", name);
          default -> new Proposal(unit, "TTLDXS", "ANNUAL", "COLLECTIVE", "Tổ chuyên môn " + unit + " số " + (i + 1));
        };
        list.add(p);
      }
    }
    return list;
  }

  private String submit(Api api, Proposal p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("awardType", p.awardType());
    json.put("awardKind", p.kind());
    json.put("year", LocalDate.now(VN).getYear());
    json.put("subjectKind", p.subjectKind());
    json.put("subjectName", p.name());
    json.put("subjectRole", p.subjectKind().equals("INDIVIDUAL") ? "DIRECT_WORKER" : "SMALL_COLLECTIVE");
    if (p.awardType().equals("TTLDXS")) {
      json.put("declaredFacts", Map.of("memberCount", 10, "membersCompletingTasks", 10, "advancedWorkerMembers", 8,
          "emulationFighterMembers", 1, "membersDisciplined", 0));
    }
    if (p.subjectKind().equals("INDIVIDUAL")) {
      json.put("birthDate", "1980-01-15");
      json.put("position", "Chuyên viên");
      json.put("workUnit", "Phòng chuyên môn");
    }
    json.put("achievements", "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được áp dụng.");
    List<Api.FilePart> files = new ArrayList<>(Api.requiredFiles(p.kind()));
    if (p.awardType().equals("CSTD_TINH")) {
      files.add(Api.pdf("INITIATIVE_PROOF", "sang-kien.pdf"));
    }
    ResponseEntity<JsonNode> created = api.createDossier("officer." + p.unit(), json, files, false);
    assertThat(created.getStatusCode()).as(p.name()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  private void completeAs(Api api, String user, String group, JsonNode task, Map<String, Object> variables) {
    String id = task.get("id").asText();
    assertThat(api.postJson(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.postJson(user, "/engine-rest/task/" + id + "/complete", variables).getStatusCode())
        .as("%s completes %s", user, task.get("name").asText()).isEqualTo(HttpStatus.NO_CONTENT);
    // what the step continues asynchronously (a decision, a submission's numbering) runs as the job executor would
    vn.gov.sonla.tdkt.support.Jobs.settleInstance(management, task.get("processInstanceId").asText());
  }

  private void runJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> due = management.createJobQuery().executable().processDefinitionKey("council-session").list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> vn.gov.sonla.tdkt.support.Jobs.executeIfPresent(management, job.getId()));
    }
  }

  private String status(Api api, String code) {
    return api.get("appraiser", "/api/dossiers/" + code).getBody().get("status").asText();
  }

  @Test
  void aWholeRoundFromThirtyProposalsToDecisionsAndAStateSubmission() {
    Api api = new Api(rest);
    List<Proposal> proposals = proposals();
    Map<String, Proposal> byCode = new LinkedHashMap<>();
    for (Proposal p : proposals) {
      byCode.put(submit(api, p), p);
    }
    assertThat(byCode).hasSize(30);

    // appraisal: all valid
    for (String code : byCode.keySet()) {
      completeAs(api, "appraiser", "home-affairs", api.task("appraiser", code),
          Api.variables("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ hợp lệ.", "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    }
    List<String> council = byCode.entrySet().stream().filter(e -> !e.getValue().kind().equals("SUDDEN"))
        .map(Map.Entry::getKey).toList();
    assertThat(council).hasSize(24).allSatisfy(code -> assertThat(status(api, code)).isEqualTo("AWAITING_COUNCIL"));

    // the council session: 9 members vote through the API
    int year = LocalDate.now(VN).getYear();
    ResponseEntity<JsonNode> opened = api.postJson("appraiser", "/api/council-sessions", Map.of("year", year, "round", 1));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String key = opened.getBody().get("key").asText();
    assertThat(key).isEqualTo(year + "-R1");
    assertThat(opened.getBody().get("agenda").findValuesAsText("dossierCode")).containsExactlyInAnyOrderElementsOf(council);

    // one Chiến sĩ thi đua gets 8 of 9 (under 90%), one Bằng khen 4 of 9 (not more than half)
    String fighterShort = council.stream().filter(c -> byCode.get(c).awardType().equals("CSTD_TINH")).findFirst().orElseThrow();
    String meritShort = council.stream().filter(c -> byCode.get(c).awardType().equals("BK_TINH")).findFirst().orElseThrow();
    for (int member = 1; member <= 9; member++) {
      List<String> approvals = new ArrayList<>(council);
      if (member == 9) {
        approvals.remove(fighterShort);
      }
      if (member >= 5) {
        approvals.remove(meritShort);
      }
      ResponseEntity<JsonNode> ballot = api.postJson("council" + member, "/api/council-sessions/" + key + "/ballot",
          Map.of("approvals", approvals));
      assertThat(ballot.getStatusCode()).as("council%d votes", member).isEqualTo(HttpStatus.OK);
    }
    // the quorum check and the tally run as a job (the job executor is off in tests: run it here)
    runJobs();
    JsonNode session = api.get("appraiser", "/api/council-sessions/" + key).getBody();
    assertThat(session.get("attendance")).hasSize(9);
    Map<String, JsonNode> tallies = new HashMap<>();
    session.get("tallies").forEach(t -> tallies.put(t.get("code").asText(), t));
    assertThat(tallies.get(fighterShort).get("votesFor").asInt()).isEqualTo(8);
    assertThat(tallies.get(fighterShort).get("passed").asBoolean()).isFalse();
    assertThat(tallies.get(meritShort).get("votesFor").asInt()).isEqualTo(4);
    assertThat(tallies.get(meritShort).get("passed").asBoolean()).isFalse();
    ResponseEntity<byte[]> minutes = api.as("auditor").getForEntity("/api/council-sessions/" + key + "/minutes", byte[].class);
    assertThat(minutes.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(minutes.getBody(), 0, 5)).isEqualTo("%PDF-");

    List<String> passed = council.stream().filter(c -> !c.equals(fighterShort) && !c.equals(meritShort)).toList();
    assertThat(status(api, fighterShort)).isEqualTo("NOT_AWARDED");
    assertThat(status(api, meritShort)).isEqualTo("NOT_AWARDED");
    assertThat(passed).hasSize(22).allSatisfy(code -> assertThat(status(api, code)).isEqualTo("PUBLIC_NOTICE"));
    assertThat(rest.getForEntity("/api/public/notices", JsonNode.class).getBody().findValuesAsText("code"))
        .containsAll(passed);

    // the notice period ends (the job executor is off in tests: the timers are run here)
    for (String code : passed) {
      Job timer = management.createJobQuery().processInstanceId(dossiers.find(code).orElseThrow().processInstanceId())
          .activityId("Timer_NoticePeriod").singleResult();
      management.executeJob(timer.getId());
    }

    // the Chairman decides every provincial dossier
    List<String> provincial = byCode.keySet().stream()
        .filter(c -> !byCode.get(c).awardType().equals("BK_TTG"))
        .filter(c -> byCode.get(c).kind().equals("SUDDEN") || passed.contains(c)).toList();
    assertThat(provincial).hasSize(25);
    // the sudden awards one by one (simplified procedure)
    for (String code : provincial.stream().filter(c -> byCode.get(c).kind().equals("SUDDEN")).toList()) {
      completeAs(api, "chairman", "chairman", api.task("chairman", code), Api.variables("decisionOutcome", "APPROVE"));
    }
    // the round's others in one decision per award type: Home Affairs opens the batches, the Chairman approves each
    for (String awardType : List.of("BK_TINH", "CSTD_TINH", "TTLDXS")) {
      ResponseEntity<JsonNode> batch = api.postJson("appraiser", "/api/decision-batches",
          Map.of("year", year, "round", 1, "awardType", awardType));
      assertThat(batch.getStatusCode()).as(awardType).isEqualTo(HttpStatus.CREATED);
      api.decideBatch(batch.getBody().get("key").asText(), "", "");
    }

    // the State submission of the round: prepared, signed, then the central decisions
    List<String> state = byCode.keySet().stream().filter(c -> byCode.get(c).awardType().equals("BK_TTG")).toList();
    assertThat(state).hasSize(3).allSatisfy(code -> assertThat(status(api, code)).isEqualTo("AWAITING_DECISION"));
    assertThat(api.postJson("appraiser", "/api/state-submissions", Map.of("year", year, "round", 1)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    JsonNode prepare = api.get("appraiser", "/engine-rest/task?processDefinitionKey=state-submission&processInstanceBusinessKey="
        + year + "-R1").getBody().get(0);
    completeAs(api, "appraiser", "home-affairs", prepare, Api.variables("submissionSummary",
        "Đề nghị Thủ tướng Chính phủ tặng Bằng khen cho 3 cá nhân."));
    JsonNode sign = api.get("chairman", "/engine-rest/task?processDefinitionKey=state-submission&processInstanceBusinessKey="
        + year + "-R1").getBody().get(0);
    completeAs(api, "chairman", "chairman", sign, Api.variables("submissionOutcome", "SIGN"));
    JsonNode submission = api.get("appraiser", "/api/state-submissions/" + year + "-R1").getBody();
    String submissionNumber = submission.get("submission").get("number").asText();
    assertThat(submissionNumber).isEqualTo("1/TTr-UBND");
    List<String> inSubmission = new ArrayList<>();
    submission.get("dossiers").forEach(n -> inSubmission.add(n.asText()));
    assertThat(inSubmission).containsExactlyInAnyOrderElementsOf(state);
    assertThat(state).allSatisfy(code -> assertThat(status(api, code)).isEqualTo("SUBMITTED_TO_STATE"));
    for (int i = 0; i < state.size(); i++) {
      ResponseEntity<JsonNode> result = api.postJson("appraiser", "/api/dossiers/" + state.get(i) + "/central-decision",
          Map.of("decidedBy", "Thủ tướng Chính phủ", "decisionNumber", (100 + i) + "/QĐ-TTg",
              "decisionDate", LocalDate.now(VN).toString(), "awarded", i < 2, "note", i < 2 ? "" : "Chưa đủ tiêu chuẩn."));
      assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // every dossier's final status
    Map<String, String> expected = new LinkedHashMap<>();
    byCode.keySet().forEach(code -> expected.put(code, "AWARDED"));
    expected.put(fighterShort, "NOT_AWARDED");
    expected.put(meritShort, "NOT_AWARDED");
    expected.put(state.get(2), "NOT_AWARDED");
    byCode.keySet().forEach(code -> assertThat(status(api, code)).as(code).isEqualTo(expected.get(code)));

    // the award register: one entry per awarded dossier, with its decision
    List<String> awarded = expected.entrySet().stream().filter(e -> e.getValue().equals("AWARDED"))
        .map(Map.Entry::getKey).toList();
    assertThat(awarded).hasSize(27);
    for (String code : awarded) {
      List<AwardRecord> entries = register.forDossier(code);
      assertThat(entries).as(code).hasSize(1);
      assertThat(entries.get(0).awardType()).isEqualTo(byCode.get(code).awardType());
      assertThat(entries.get(0).subjectName()).isEqualTo(byCode.get(code).name());
    }
    assertThat(register.forDossier(state.get(0)).get(0).decisionNumber()).isEqualTo("100/QĐ-TTg");
    // the provincial decisions are numbered 1..9 without gaps: one per sudden award (6), one per batch (3)
    List<Integer> numbers = provincial.stream().map(code -> decisions.forDossier(code).orElseThrow().seq()).distinct()
        .sorted().toList();
    assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 9).boxed().toList());
    provincial.forEach(code -> assertThat(register.forDossier(code).get(0).decisionNumber())
        .isEqualTo(decisions.forDossier(code).orElseThrow().number()));
  }
}
