package vn.gov.sonla.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.dossier.DossierApiScenariosAccess;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Who may read the audit features: (auditor, home-affairs, the unit's officer, another unit's
 * officer, anonymous) × (trail, its exports, search, reports, chain verification, a unit's open tasks).
 */
@AppTest
class AuditAuthorizationMatrixTest {

  @Autowired TestRestTemplate rest;

  private static final String ANONYMOUS = "(anonymous)";

  private HttpStatus status(String user, String url) {
    TestRestTemplate client = ANONYMOUS.equals(user) ? rest : rest.withBasicAuth(user, "demo");
    ResponseEntity<byte[]> response = client.getForEntity(url, byte[].class);
    return HttpStatus.valueOf(response.getStatusCode().value());
  }

  @Test
  void eachRoleReadsExactlyWhatItMay() {
    Api api = new Api(rest);
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt", DossierApiScenariosAccess.json(),
        Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();

    Map<String, String> features = new LinkedHashMap<>();
    features.put("trail", "/api/dossiers/" + code + "/history");
    features.put("trail.csv", "/api/dossiers/" + code + "/history.csv");
    features.put("trail.pdf", "/api/dossiers/" + code + "/history.pdf");
    features.put("search", "/api/dossiers/search?q=hong");
    features.put("reports", "/api/reports");
    features.put("reports.csv", "/api/reports/export.csv");
    features.put("verify", "/api/audit/verify");
    features.put("unit-tasks", "/api/unit-tasks?unit=sgddt");

    HttpStatus ok = HttpStatus.OK;
    HttpStatus no = HttpStatus.FORBIDDEN;
    HttpStatus hidden = HttpStatus.NOT_FOUND;
    HttpStatus login = HttpStatus.UNAUTHORIZED;
    // expected, per user, in the order of the features above
    Map<String, List<HttpStatus>> expected = new LinkedHashMap<>();
    expected.put("auditor", List.of(ok, ok, ok, ok, ok, ok, ok, ok));
    expected.put("appraiser", List.of(ok, ok, ok, ok, ok, ok, ok, ok));
    expected.put("officer.sgddt", List.of(ok, ok, ok, no, no, no, no, ok));
    expected.put("officer.syt", List.of(hidden, hidden, hidden, no, no, no, no, no));
    expected.put(ANONYMOUS, List.of(login, login, login, login, login, login, login, login));

    expected.forEach((user, statuses) -> {
      int i = 0;
      for (Map.Entry<String, String> feature : features.entrySet()) {
        assertThat(status(user, feature.getValue())).as("%s reads %s", user, feature.getKey())
            .isEqualTo(statuses.get(i++));
      }
    });
  }
}
