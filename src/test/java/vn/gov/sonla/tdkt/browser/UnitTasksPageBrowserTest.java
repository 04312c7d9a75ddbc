package vn.gov.sonla.tdkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.sonla.tdkt.dossier.DossierApiScenariosAccess;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppTest;

/** Issue 20: the officer's page "Việc của đơn vị" lists the unit's task with its dossier and opens it in Tasklist. */
@AppTest
class UnitTasksPageBrowserTest {

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @Test
  void theOfficersPageShowsTheUnitsTaskWithItsDossierCode() {
    Browser.requireChromium();
    Api api = new Api(rest);
    ResponseEntity<JsonNode> created = api.createDossier("officer.sgddt",
        DossierApiScenariosAccess.json("Hoàng Thị Nga"), Api.requiredFiles("ANNUAL"), false);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = created.getBody().get("code").asText();
    api.claimAndComplete("appraiser", code, "Task_Appraise", Api.variables("appraisalOutcome", "SUPPLEMENT",
        "appraisalSummary", "Thiếu minh chứng.", "missingItems", "Biên bản họp xét."));
    String taskId = api.task("officer.sgddt", code).get("id").asText();

    try (Browser b = new Browser("http://localhost:" + port, "unit-tasks", "vi")) {
      b.login("officer.sgddt", "demo");
      b.step("unit-tasks", () -> {
        b.open("/unit-tasks/");
        WebElement row = b.visible(By.cssSelector("tr[data-task='" + taskId + "']"));
        assertThat(row.getText()).contains(code, "Hoàng Thị Nga", "Bổ sung hồ sơ");
        assertThat(row.findElement(By.linkText("Bổ sung hồ sơ")).getAttribute("href"))
            .endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);
        assertThat(row.findElement(By.linkText(code)).getAttribute("href"))
            .endsWith("/dossiers/view.html?code=" + code);
        // the menu offers the page to the unit's officers
        b.visible(By.id("menu-unit-tasks"));
        b.assertAccessible("/unit-tasks/");
      });
    }
  }
}
