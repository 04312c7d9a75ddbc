package vn.gov.sonla.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/** The dossier search over HTTP: accent-insensitive names, filters, paging, order, who may search. */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierSearchApiTest {

  private static final int YEAR = LocalDate.now().getYear();
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  /**
   * The day this class's three dossiers are submitted and decided (the engine clock, the application's clock, is moved
   * to it): the context is shared, so every search here is limited to that day unless it tests the day range itself.
   */
  private static final LocalDate DAY = LocalDate.of(YEAR + 1, 2, 3);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired SubjectSearchBackfill backfill;

  Api api;
  String an;
  String binh;
  String hong;
  String decisionNumber;

  @BeforeAll
  void dossiers() {
    api = new Api(rest);
    at(10, 0);
    try {
      submitAndDecide();
    } finally {
      ClockUtil.reset();
    }
  }

  private static void at(int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(DAY.atTime(hour, minute).atZone(VN).toInstant()));
  }

  private void submitAndDecide() {
    an = submit("officer.sgddt", "SUDDEN", YEAR, "Nguyễn Văn An");
    at(10, 1); // the moved clock stands still: one minute between submissions, for their order
    binh = submit("officer.syt", "ANNUAL", YEAR, "Đặng Thị Bình");
    at(10, 2);
    hong = submit("officer.syt", "ANNUAL", YEAR - 1, "Nguyễn Thị Hồng");
    at(10, 3);
    api.appraiseValid(an);
    api.chairmanApproves(an);
    JsonNode awarded = api.get("officer.sgddt", "/api/dossiers/" + an).getBody();
    assertThat(awarded.get("status").asText()).isEqualTo("AWARDED");
    decisionNumber = awarded.get("decision").get("number").asText();
  }

  private String submit(String officer, String kind, int year, String name) {
    Map<String, Object> d = DossierApiScenarios.dossierJson(kind, name);
    d.put("year", year);
    ResponseEntity<JsonNode> created = api.createDossier(officer, d, Api.requiredFiles(kind), false);
    assertThat(created.getStatusCode()).as(created.toString()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }



  private JsonNode search(String query) {
    String scoped = query.contains("from=") || query.contains("to=") ? query
        : query + (query.isEmpty() ? "?" : "&") + "from=" + DAY + "&to=" + DAY;
    ResponseEntity<JsonNode> response = api.get("auditor", "/api/dossiers/search" + scoped);
    assertThat(response.getStatusCode()).as(query + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private List<String> codes(String query) {
    List<String> codes = new ArrayList<>();
    search(query).get("items").forEach(i -> codes.add(i.get("code").asText()));
    return codes;
  }

  /** The text as is: the test client's URI template encodes the query (spaces, %, Vietnamese letters). */
  private static String enc(String s) {
    return s;
  }

  @Test
  void theSubjectNameMatchesWithoutAccentsAndCase() {
    assertThat(codes("?q=nguyen")).containsExactlyInAnyOrder(an, hong);
    assertThat(codes("?q=" + enc("dang thi binh"))).containsExactly(binh);
    assertThat(codes("?q=" + enc("Đặng"))).containsExactly(binh);
    assertThat(codes("?q=" + enc("Nguyen Van A"))).containsExactly(an);
    assertThat(codes("?q=" + enc("nguyễn  văn a"))).containsExactly(an);
    assertThat(codes("?q=" + enc("thi h"))).containsExactly(hong);
    // LIKE wildcards are plain characters
    assertThat(codes("?q=" + enc("%"))).isEmpty();
    assertThat(codes("?q=" + enc("nguy_n"))).isEmpty();
  }

  @Test
  void filtersNarrowTheResult() {
    assertThat(codes("?unit=syt")).containsExactlyInAnyOrder(binh, hong);
    assertThat(codes("?unit=sgddt")).containsExactly(an);
    assertThat(codes("?year=" + (YEAR - 1))).containsExactly(hong);
    assertThat(codes("?year=" + YEAR + "&status=SUBMITTED")).containsExactly(binh);
    assertThat(codes("?status=AWARDED")).containsExactly(an);
    assertThat(codes("?awardKind=SUDDEN")).containsExactly(an);
    assertThat(codes("?awardKind=ANNUAL&q=nguyen")).containsExactly(hong);
    assertThat(codes("?awardType=BK_TINH")).hasSize(3);
    assertThat(codes("?decisionNumber=" + enc(decisionNumber))).containsExactly(an);
    assertThat(codes("?decisionNumber=" + enc("999999/QĐ-UBND"))).isEmpty();
    assertThat(codes("?appraiser=appraiser")).containsExactly(an);
    assertThat(codes("?appraiser=appraiser.lead")).isEmpty();
  }

  @Test
  void itemsCarryTheDecisionNumberAndTheAppraiser() {
    JsonNode item = search("?q=" + enc("Nguyễn Văn An")).get("items").get(0);
    assertThat(item.get("code").asText()).isEqualTo(an);
    assertThat(item.get("subjectName").asText()).isEqualTo("Nguyễn Văn An");
    assertThat(item.get("unitCode").asText()).isEqualTo("sgddt");
    assertThat(item.get("status").asText()).isEqualTo("AWARDED");
    assertThat(item.get("statusLabel").asText()).isEqualTo("Đã khen thưởng");
    assertThat(item.get("decisionNumber").asText()).isEqualTo(decisionNumber).matches("\\d+/QĐ-UBND");
    assertThat(item.get("appraiser").asText()).isEqualTo("appraiser");
    JsonNode other = search("?q=binh").get("items").get(0);
    assertThat(other.get("decisionNumber").isNull()).isTrue();
    assertThat(other.get("appraiser").isNull()).isTrue();
  }

  @Test
  void theSubmittedDateRangeIsInclusiveInVietnameseDays() {
    // the day of submission, in Vietnam (nobody else submits on or after it; before it, others do)
    assertThat(codes("?from=" + DAY + "&to=" + DAY)).hasSize(3);
    assertThat(codes("?from=" + DAY)).hasSize(3);
    assertThat(codes("?from=" + DAY.minusDays(1) + "&to=" + DAY)).hasSize(3);
    assertThat(codes("?from=" + DAY.plusDays(1))).isEmpty();
    assertThat(codes("?from=" + DAY.minusDays(1) + "&to=" + DAY.minusDays(1))).isEmpty();
  }

  @Test
  void pagesAndOrder() {
    JsonNode first = search("?sort=subjectName,asc&size=2&page=0");
    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("size").asInt()).isEqualTo(2);
    List<String> names = new ArrayList<>();
    first.get("items").forEach(i -> names.add(i.get("subjectName").asText()));
    search("?sort=subjectName,asc&size=2&page=1").get("items").forEach(i -> names.add(i.get("subjectName").asText()));
    // đ sorts as d, before n
    assertThat(names).containsExactly("Đặng Thị Bình", "Nguyễn Thị Hồng", "Nguyễn Văn An");
    assertThat(codes("?sort=subjectName,desc")).containsExactly(an, hong, binh);
    assertThat(codes("?sort=subjectName")).containsExactly(binh, hong, an);

    List<String> byCode = codes("?sort=code,desc");
    assertThat(byCode).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(3);
    assertThat(codes("?sort=code,asc")).isSorted();
    // AWARDED before SUBMITTED; the code breaks the tie
    assertThat(codes("?sort=status,asc")).containsExactly(an, hong, binh);

    // by default the newest submissions first
    List<String> submitted = new ArrayList<>();
    search("").get("items").forEach(i -> submitted.add(i.get("submittedAt").asText()));
    assertThat(submitted).hasSize(3);
    List<java.time.Instant> instants = submitted.stream().map(s -> java.time.OffsetDateTime.parse(s).toInstant())
        .toList();
    assertThat(instants).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(codes("?sort=submittedAt,asc")).containsExactly(an, binh, hong);
  }

  @Test
  void auditorsAndHomeAffairsMaySearchOthersMayNot() {
    assertThat(api.get("auditor", "/api/dossiers/search").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("appraiser", "/api/dossiers/search").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("admin", "/api/dossiers/search").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> officer = api.get("officer.sgddt", "/api/dossiers/search?q=nguyen");
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(officer.getBody().toString()).doesNotContain(an);
    assertThat(api.get("chairman", "/api/dossiers/search").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/dossiers/search", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badParametersAreNamedInVietnamese() {
    ResponseEntity<JsonNode> bad = api.get("auditor",
        "/api/dossiers/search?sort=name,up&size=0&from=2025-13-01&to=hom-nay&page=-1&year=abc&status=DONE&awardKind=X");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    bad.getBody().get("errors").forEach(e -> {
      fields.add(e.get("field").asText());
      assertThat(e.get("message").asText()).isNotBlank();
    });
    assertThat(fields).containsExactlyInAnyOrder("sort", "size", "from", "to", "page", "year", "status", "awardKind");
    assertThat(bad.getBody().toString()).contains("Số hồ sơ mỗi trang phải từ 1 đến 200", "Cách sắp xếp không hợp lệ");

    assertThat(api.get("auditor", "/api/dossiers/search?size=201").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.get("auditor", "/api/dossiers/search?size=200").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("auditor", "/api/dossiers/search?sort=code,asc,x").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode reversed = api.get("auditor", "/api/dossiers/search?from=2025-02-02&to=2025-02-01").getBody();
    assertThat(reversed.get("errors").get(0).get("field").asText()).isEqualTo("to");
    // SQL in the sort is refused, not run
    assertThat(api.get("auditor", "/api/dossiers/search?sort=" + enc("code; DROP TABLE dossier")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void existingRowsWithoutAFoldedNameAreBackfilledAtStartUp() throws Exception {
    jdbc.sql("UPDATE dossier SET subject_search = NULL WHERE code = :code").param("code", binh).update();
    assertThat(codes("?q=binh")).isEmpty();
    backfill.run(null);
    assertThat(codes("?q=binh")).containsExactly(binh);
  }
}
