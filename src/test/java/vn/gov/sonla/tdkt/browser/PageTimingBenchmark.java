package vn.gov.sonla.tdkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sonla.tdkt.support.BenchReport;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * The waits a person feels (issue 17), in headless Chromium on the application with the demo data on the local
 * PostgreSQL ({@code ./mvnw -Pbench verify -Dit.test=PageTimingBenchmark}): from the login button to the officer's
 * home page shown, the first Tasklist load of a session until its filters are listed (cold browser cache, and again in
 * a later session of the same browser, whose cache is kept), the dossier list until its rows
 * are shown, and a submission from the button until the dossier page shows "Đã nộp". Each is measured
 * {@code -Dtdkt.bench.pages.samples=} times (20) after one warm-up, each sample in a fresh browser session where the
 * first load is measured; median and 95th percentile in milliseconds. Run it on an idle machine for figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.demo-data=true", "DB_USER=postgres", "DB_PASSWORD="})
@ActiveProfiles({"test", "postgres"})
class PageTimingBenchmark {

  private static final int SAMPLES = Integer.getInteger("tdkt.bench.pages.samples", 20);
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.url("tdkt_page_timing"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @BeforeAll
  static void chromium() {
    Browser.requireChromium();
  }

  @LocalServerPort int port;

  private interface Sample {
    long millis(Browser b, int i) throws Exception;
  }

  @Test
  void pagesAPersonWaitsFor() throws Exception {
    Path files = Files.createTempDirectory("tdkt-bench-uploads-");
    List<Path> pdfs = new ArrayList<>();
    for (String name : List.of("to-trinh.pdf", "bao-cao.pdf", "bien-ban.pdf")) {
      pdfs.add(Files.write(files.resolve(name), TestDossiers.pdf(name)));
    }
    BenchReport report = new BenchReport("page-timing", SAMPLES + " samples each after one warm-up, headless Chromium,"
        + " demo data on local PostgreSQL, " + Runtime.getRuntime().availableProcessors() + " processors");

    measure(report, "login to the officer's home", (b, i) -> {
      b.open("/login");
      b.type(By.id("username"), "officer.sgddt");
      b.type(By.id("password"), "demo");
      long start = System.nanoTime();
      b.click(By.id("login-submit"));
      b.until(d -> d.getCurrentUrl().contains("/dossiers/"));
      b.until(d -> !d.findElement(By.id("list-message")).getText().isBlank());
      return elapsed(start);
    });
    measure(report, "first Tasklist load of a session", (b, i) -> {
      b.login("appraiser", "demo");
      long start = System.nanoTime();
      b.open("/camunda/app/tasklist/default/#/");
      b.until(d -> !d.findElements(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"))
          .isEmpty());
      return elapsed(start);
    });
    measure(report, "Tasklist load in a later session (browser cache kept)", (b, i) -> {
      // yesterday's visit: the same browser (its cache), an earlier session that has ended
      b.login("appraiser", "demo");
      b.open("/camunda/app/tasklist/default/#/");
      b.until(d -> !d.findElements(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"))
          .isEmpty());
      b.login("appraiser", "demo");
      long start = System.nanoTime();
      b.open("/camunda/app/tasklist/default/#/");
      b.until(d -> !d.findElements(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"))
          .isEmpty());
      return elapsed(start);
    });
    measure(report, "dossier list", (b, i) -> {
      b.login("appraiser", "demo");
      long start = System.nanoTime();
      b.open("/dossiers/index.html");
      b.until(d -> !d.findElement(By.id("list-message")).getText().isBlank());
      return elapsed(start);
    });
    measure(report, "submission to the dossier page", (b, i) -> {
      b.login("officer.sgddt", "demo");
      b.open("/dossiers/new.html");
      b.until(d -> d.findElements(By.cssSelector("#awardType option[value='BK_TINH']")).size() == 1);
      new org.openqa.selenium.support.ui.Select(b.visible(By.id("awardType"))).selectByValue("BK_TINH");
      new org.openqa.selenium.support.ui.Select(b.visible(By.id("awardKind"))).selectByValue("ANNUAL");
      b.type(By.id("year"), String.valueOf(LocalDate.now(VN).getYear()));
      new org.openqa.selenium.support.ui.Select(b.visible(By.id("subjectKind"))).selectByValue("INDIVIDUAL");
      b.type(By.id("subjectName"), "Người Đo Thời Gian " + (char) ('A' + i % 26) + " " + System.nanoTime() % 100000);
      new org.openqa.selenium.support.ui.Select(b.visible(By.id("subjectRole"))).selectByValue("DIRECT_WORKER");
      b.script("document.getElementById('birthDate').value = '1990-05-14';"
          + "document.getElementById('birthDate').dispatchEvent(new Event('input', {bubbles: true}));");
      b.type(By.id("position"), "Giáo viên");
      b.type(By.id("workUnit"), "Trường THPT Chiềng Sinh");
      b.type(By.id("achievements"), "Hoàn thành xuất sắc nhiệm vụ năm học.");
      b.visible(By.id("doc-PROPOSAL_LETTER")).sendKeys(pdfs.get(0).toString());
      b.visible(By.id("doc-ACHIEVEMENT_REPORT")).sendKeys(pdfs.get(1).toString());
      b.visible(By.id("doc-REVIEW_MINUTES")).sendKeys(pdfs.get(2).toString());
      long start = System.nanoTime();
      b.click(By.id("submit-dossier"));
      b.until(d -> d.getCurrentUrl().contains("/dossiers/view.html?code="));
      b.waitForText(By.id("dossier-status"), "Đã nộp");
      return elapsed(start);
    });
    report.write();
  }

  /** One warm-up and {@link #SAMPLES} samples, each in a fresh browser session; median and p95. */
  private void measure(BenchReport report, String figure, Sample sample) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i <= SAMPLES; i++) {
      try (Browser b = new Browser("http://localhost:" + port, "bench/pages", "vi")) {
        long ms = sample.millis(b, i);
        if (i > 0) {
          times.add(ms);
        }
      }
    }
    Collections.sort(times);
    assertThat(times).hasSize(SAMPLES);
    report.figure(figure + ", median", percentile(times, 50), "ms");
    report.figure(figure + ", p95", percentile(times, 95), "ms");
    System.out.printf(Locale.ROOT, "%s: %s ms%n", figure, times);
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
