package vn.gov.sonla.tdkt.council;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.gov.sonla.tdkt.support.WebSlice;

/**
 * The council-session API's access rules and input checks in the web layer alone: who may open, read and vote
 * ({@code @councilAccess}, 403 with the Vietnamese reason), and the declared field rules of a new session (400 with
 * the field and its Vietnamese message, whatever the browser's language); nothing reaches the engine when refused.
 */
@WebSlice
class CouncilSessionWebTest {

  private static final String BASE = "/api/council-sessions";

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;

  static RequestPostProcessor as(String id, String... groups) {
    return user(id).authorities(java.util.Arrays.stream(groups)
        .map(g -> new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_" + g)).toList());
  }

  static final RequestPostProcessor APPRAISER = as("appraiser", "home-affairs");

  private ResultActions open(RequestPostProcessor who, String json) throws Exception {
    return mvc.perform(post(BASE).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private static void refusedOn(ResultActions response, String field, String message) throws Exception {
    response.andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://sonla.gov.vn/tdkt/problems/invalid-input"))
        .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
        .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message").value(message));
  }

  @Test
  void onlyHomeAffairsOpensASession() throws Exception {
    for (RequestPostProcessor who : new RequestPostProcessor[] {as("officer.sgddt", "unit-sgddt"),
        as("council1", "council"), as("auditor", "auditors")}) {
      open(who, "{\"year\": 2040, \"round\": 1}")
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.type").value("https://sonla.gov.vn/tdkt/problems/forbidden"))
          .andExpect(jsonPath("$.title").value("Không có quyền"))
          .andExpect(jsonPath("$.detail").value("Chỉ Sở Nội vụ được mở phiên họp Hội đồng."));
    }
    verify(runtime, never()).startProcessInstanceByKey(any(), any(), any(java.util.Map.class));
  }

  @Test
  void aSessionNeedsItsYearAndRound() throws Exception {
    refusedOn(open(APPRAISER, "{\"year\": 2040}"), "round", "Cần đợt (round) của phiên họp.");
    refusedOn(open(APPRAISER, "{\"round\": 1}"), "year", "Cần năm (year) của phiên họp.");
    open(APPRAISER, "{}").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("year", "round")));
    verify(runtime, never()).startProcessInstanceByKey(any(), any(), any(java.util.Map.class));
  }

  @Test
  void yearAndRoundAreInTheirRanges() throws Exception {
    refusedOn(open(APPRAISER, "{\"year\": 1900, \"round\": 1}"), "year", "Năm phải từ 2000 đến 2100.");
    refusedOn(open(APPRAISER, "{\"year\": 2040, \"round\": 1000}"), "round", "Đợt phải từ 1 đến 999.");
    refusedOn(open(APPRAISER, "{\"year\": 2040, \"round\": 0}"), "round", "Đợt phải từ 1 đến 999.");
  }

  @Test
  void theNoteHasAMaximumLengthAndTheModeAPattern() throws Exception {
    refusedOn(open(APPRAISER, "{\"year\": 2040, \"round\": 1, \"note\": \"" + "a".repeat(2001) + "\"}"), "note",
        "Ghi chú tối đa 2.000 ký tự.");
    refusedOn(open(APPRAISER, "{\"year\": 2040, \"round\": 1, \"mode\": \"EMAIL\"}"), "mode",
        "Hình thức họp (mode) là ONLINE (bỏ phiếu trực tuyến) hoặc MEETING (họp trực tiếp).");
  }

  @Test
  void anEnglishBrowserReadsTheSameVietnameseMessages() throws Exception {
    refusedOn(mvc.perform(post(BASE).with(APPRAISER).with(csrf()).header("Accept-Language", "en-US,en;q=0.9")
        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 1900, \"round\": 1}")), "year",
        "Năm phải từ 2000 đến 2100.");
  }

  @Test
  void theYearOfTheListIsInItsRange() throws Exception {
    refusedOn(mvc.perform(get(BASE).param("year", "1800").with(APPRAISER)), "year", "Năm phải từ 2000 đến 2100.");
  }

  @Test
  void sessionsAreReadByTheProvincialBodiesOnly() throws Exception {
    RequestPostProcessor officer = as("officer.sgddt", "unit-sgddt");
    for (String path : new String[] {BASE, BASE + "/2040-R1", BASE + "/2040-R1/minutes"}) {
      mvc.perform(get(path).with(officer)).andExpect(status().isForbidden())
          .andExpect(jsonPath("$.detail").value("Bạn không có quyền xem phiên họp Hội đồng."));
    }
  }

  @Test
  void onlyCouncilMembersVote() throws Exception {
    mvc.perform(post(BASE + "/2040-R1/ballot").with(APPRAISER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"approvals\": []}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("Chỉ thành viên Hội đồng được bỏ phiếu."));
  }
}
