package vn.gov.sonla.tdkt.legal;

import vn.gov.sonla.tdkt.support.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.sonla.tdkt.calendar.WorkingDayCalendar;
import vn.gov.sonla.tdkt.support.Api;

/**
 * Holidays edited by an administrator over HTTP ({@code /api/calendar/days}, page {@code /calendar/}): a change
 * applies to the next deadline at once (no restart) and is an audit record with the day before and after; other
 * roles read the calendar but may not change it; bad input is a Vietnamese 400 and changes nothing.
 */
@AppTest
class CalendarDayApiTest {

  // Monday 4 January 2027: an ordinary working day in the shipped calendar
  private static final LocalDate DAY = LocalDate.of(2027, 1, 4);
  private static final String URL = "/api/calendar/days/" + DAY;

  @Autowired TestRestTemplate rest;
  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcClient jdbc;

  private ResponseEntity<JsonNode> send(String user, HttpMethod method, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return new Api(rest).as(user).exchange(url, method,
        new HttpEntity<>(body == null ? null : new Api(rest).write(body), headers), JsonNode.class);
  }

  private List<String> auditDetails() {
    return jdbc.sql("SELECT detail FROM audit_record WHERE kind = 'CALENDAR_CHANGED' ORDER BY seq")
        .query(String.class).list();
  }

  private List<String> days(String user, int year) {
    List<String> days = new ArrayList<>();
    for (JsonNode d : new Api(rest).get(user, "/api/calendar/days?year=" + year).getBody()) {
      days.add(d.get("day").asText());
    }
    return days;
  }

  @Test
  void anAdministratorsChangeAppliesAtOnceAndIsAudited() {
    assertThat(calendar.isWorkingDay(DAY)).isTrue();
    int audited = auditDetails().size();

    ResponseEntity<JsonNode> put = send("admin", HttpMethod.PUT, URL, Map.of("kind", "HOLIDAY",
        "name", "Ngày nghỉ bù thử nghiệm", "source", "Thông báo thử nghiệm (cần xác nhận)", "confirmed", false));
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(put.getBody().get("updatedBy").asText()).isEqualTo("admin");
    assertThat(calendar.isWorkingDay(DAY)).as("no restart needed").isFalse();
    assertThat(calendar.addWorkingDays(LocalDate.of(2027, 1, 1), 1)).isEqualTo(LocalDate.of(2027, 1, 5));
    assertThat(days("officer.sgddt", 2027)).contains(DAY.toString());
    List<String> details = auditDetails();
    assertThat(details).hasSize(audited + 1);
    assertThat(details.get(details.size() - 1)).contains(DAY.toString()).contains("Ngày nghỉ bù thử nghiệm");

    ResponseEntity<JsonNode> delete = send("admin", HttpMethod.DELETE, URL, null);
    assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(calendar.isWorkingDay(DAY)).isTrue();
    assertThat(days("admin", 2027)).doesNotContain(DAY.toString());
    assertThat(auditDetails()).hasSize(audited + 2);
  }

  @Test
  void otherRolesReadButMayNotChangeAndBadInputChangesNothing() {
    int audited = auditDetails().size();
    Map<String, Object> holiday = Map.of("kind", "HOLIDAY", "name", "Ngày nghỉ", "source", "Văn bản thử");
    for (String user : List.of("officer.sgddt", "appraiser", "auditor", "chairman")) {
      ResponseEntity<JsonNode> refused = send(user, HttpMethod.PUT, "/api/calendar/days/2027-01-05", holiday);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("detail").asText()).as(user).contains("quản trị");
      assertThat(send(user, HttpMethod.DELETE, "/api/calendar/days/2027-02-05", null).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(new Api(rest).get(user, "/api/calendar/days?year=2027").getStatusCode()).as(user)
          .isEqualTo(HttpStatus.OK);
    }

    ResponseEntity<JsonNode> noSource = send("admin", HttpMethod.PUT, "/api/calendar/days/2027-01-05",
        Map.of("kind", "HOLIDAY", "name", "Ngày nghỉ", "source", " "));
    assertThat(noSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noSource.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(noSource.getBody().get("detail").asText()).contains("Ngày trong lịch chưa hợp lệ");
    assertThat(noSource.getBody().get("errors").toString()).contains("source").contains("căn cứ");

    ResponseEntity<JsonNode> weekdayMakeUp = send("admin", HttpMethod.PUT, "/api/calendar/days/2027-01-05",
        Map.of("kind", "WORKING_DAY", "name", "Làm bù", "source", "Văn bản thử"));
    assertThat(weekdayMakeUp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(weekdayMakeUp.getBody().get("errors").toString()).contains("thứ Bảy hoặc Chủ nhật");

    assertThat(send("admin", HttpMethod.DELETE, "/api/calendar/days/2027-01-06", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(days("admin", 2027)).doesNotContain("2027-01-05", "2027-01-06");
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 5))).isTrue();
    assertThat(auditDetails()).hasSize(audited);
  }

  @Test
  void thePageOpensAndTheMenuOffersItToTheProvincialRoles() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml");
    headers.set("Sec-Fetch-Mode", "navigate");
    ResponseEntity<String> page = new Api(rest).as("admin").exchange("/calendar/", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Lịch ngày nghỉ lễ, tết và ngày làm bù").contains("calendar.js");

    assertThat(new Api(rest).get("admin", "/api/workspace").getBody().toString()).contains("/calendar/");
    assertThat(new Api(rest).get("appraiser", "/api/workspace").getBody().toString()).contains("/calendar/");
    assertThat(new Api(rest).get("officer.sgddt", "/api/workspace").getBody().toString()).doesNotContain(
        "/calendar/");
  }
}
