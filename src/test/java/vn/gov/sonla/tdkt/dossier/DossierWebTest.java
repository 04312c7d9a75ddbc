package vn.gov.sonla.tdkt.dossier;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.gov.sonla.tdkt.support.WebSlice;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.award.SubjectKind;

/**
 * The dossier API's access rules and the controller's own input checks in the web layer alone: another unit's
 * dossier is answered 404 as an unknown one ({@code @dossierAccess}), the search is for the provincial bodies (403
 * with the reason), and bad list parameters, unreadable JSON and unknown document types are refused with 400 on
 * their fields before anything reaches the service.
 */
@WebSlice
class DossierWebTest {

  /** A dossier of unit syt: its own officers work on it, an officer of sgddt must not learn that it exists. */
  static final String CODE = "2071-syt-0001";

  @Autowired MockMvc mvc;
  @Autowired DossierRepository dossiers;
  @Autowired DossierService service;
  @Autowired DossierSearch search;

  static RequestPostProcessor as(String id, String... groups) {
    return user(id).authorities(java.util.Arrays.stream(groups)
        .map(g -> new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_" + g)).toList());
  }

  static final RequestPostProcessor OFFICER_SGDDT = as("officer.sgddt", "unit-sgddt");

  @BeforeEach
  void aDossierOfAnotherUnit() {
    when(dossiers.find(CODE)).thenReturn(Optional.of(new Dossier(CODE, "syt", "BK_TINH", AwardKind.ANNUAL, 2071,
        SubjectKind.INDIVIDUAL, "Lò Văn Khác", null, null, null, null, DossierStatus.SUBMITTED, null, null,
        "officer.syt", OffsetDateTime.now(), null, OffsetDateTime.now())));
  }

  @Test
  void anotherUnitsDossierIsNotFoundWhateverIsAsked() throws Exception {
    var requests = new org.springframework.test.web.servlet.RequestBuilder[] {
        get("/api/dossiers/" + CODE).with(OFFICER_SGDDT),
        get("/api/dossiers/" + CODE + "/documents/d1").with(OFFICER_SGDDT),
        get("/api/dossiers/" + CODE + "/supplement-documents").with(OFFICER_SGDDT),
        post("/api/dossiers/" + CODE + "/submission").with(OFFICER_SGDDT).with(csrf()),
        post("/api/dossiers/" + CODE + "/withdrawal").with(OFFICER_SGDDT).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Rút\"}"),
        get("/api/dossiers/2071-sgddt-9999").with(OFFICER_SGDDT)};
    for (var request : requests) {
      mvc.perform(request).andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("https://sonla.gov.vn/tdkt/problems/not-found"))
          .andExpect(jsonPath("$.title").value("Không tìm thấy"))
          .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Không tìm thấy hồ sơ 2071-")));
    }
    verifyNoInteractions(service);
  }

  @Test
  void aReaderOfEveryUnitReadsButDoesNotWorkOnTheDossier() throws Exception {
    mvc.perform(post("/api/dossiers/" + CODE + "/withdrawal").with(as("auditor", "auditors")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Rút\"}"))
        .andExpect(status().isNotFound());
    verify(service, never()).withdraw(any(), any(), any());
  }

  @Test
  void theSearchIsForAuditorsHomeAffairsAndAdministrators() throws Exception {
    mvc.perform(get("/api/dossiers/search").param("q", "Lò").with(OFFICER_SGDDT))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://sonla.gov.vn/tdkt/problems/forbidden"))
        .andExpect(jsonPath("$.detail").value("Chỉ Thanh tra, Sở Nội vụ và quản trị hệ thống được tra cứu hồ sơ."));
    verifyNoInteractions(search);
  }

  // moved from DossierSecurityAndInputTest (@AppTest): the controller's own checks need no application

  @Test
  void badListParametersAreRefused() throws Exception {
    mvc.perform(get("/api/dossiers").param("status", "DONE").param("size", "1000")
            .with(as("appraiser", "home-affairs")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://sonla.gov.vn/tdkt/problems/invalid-input"))
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("status", "size")));
    verify(dossiers, never()).search(any(), any(), anyInt(), anyInt());
  }

  @Test
  void unreadableJsonIsRefused() throws Exception {
    for (String json : new String[] {"{\"awardType\": \"BK_TINH\", \"birthDate\": \"02/09/1984\"",
        "{\"year\": \"năm nay\"}"}) {
      mvc.perform(multipart("/api/dossiers").file(dossierPart(json)).file(pdf("PROPOSAL_LETTER"))
              .with(OFFICER_SGDDT).with(csrf()))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem("dossier")));
    }
    verify(service, never()).create(any(), any(), anyBoolean(), any(), any());
  }

  @Test
  void anUnknownDocumentTypeIsRefused() throws Exception {
    mvc.perform(multipart("/api/dossiers").file(dossierPart("{\"year\": 2071, \"subjectName\": \"Lò Thị Lạ\"}"))
            .file(pdf("PROPOSAL_LETTER")).file(pdf("PASSPORT")).with(OFFICER_SGDDT).with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'documents.PASSPORT')].message")
            .value("Loại tài liệu không hợp lệ: PASSPORT."));
    verify(service, never()).create(any(), any(), anyBoolean(), any(), any());
  }

  private static MockMultipartFile dossierPart(String json) {
    return new MockMultipartFile("dossier", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
  }

  private static MockMultipartFile pdf(String type) {
    return new MockMultipartFile(type, type.toLowerCase() + ".pdf", MediaType.APPLICATION_PDF_VALUE,
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
  }
}
