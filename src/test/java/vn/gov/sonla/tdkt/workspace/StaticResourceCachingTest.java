package vn.gov.sonla.tdkt.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.gov.sonla.tdkt.support.AppTest;

/**
 * Issue 17, speed a person feels: Tasklist's first load downloaded about 4.5 MB of scripts on every visit, all sent
 * with {@code no-store} and uncompressed. Camunda's versioned files ({@code ?bust=<Camunda version>}) are kept by the
 * browser; the other static files are revalidated (304 when unchanged); pages with data and API answers stay
 * {@code no-store}; text is compressed.
 */
@AppTest
class StaticResourceCachingTest {

  @Autowired TestRestTemplate rest;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "appraiser:demo".getBytes(StandardCharsets.UTF_8)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String cacheControl(HttpResponse<?> response) {
    return response.headers().firstValue("Cache-Control").orElse("");
  }

  @Test
  void camundasVersionedFilesAreKeptByTheBrowser() throws Exception {
    // the version Tasklist's page asks for (read from the webjar: the page itself is served per engine, and the
    // shared test context's engine registry is not the webapps' after the applications other tests start by hand)
    String page;
    try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(
        "META-INF/resources/webjars/camunda/app/tasklist/index.html")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    java.util.regex.Matcher version = java.util.regex.Pattern.compile("deps\\.js\\?bust=([^\"\\s]+)").matcher(page);
    assertThat(version.find()).as(page).isTrue();
    String bust = "?bust=" + version.group(1);
    for (String path : new String[] {"/camunda/lib/deps.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js"}) {
      HttpResponse<byte[]> versioned = get(path + bust);
      assertThat(versioned.statusCode()).as(path).isEqualTo(200);
      assertThat(cacheControl(versioned)).as(path).contains("max-age=31536000").contains("immutable")
          .contains("private").doesNotContain("no-store");
      // the same file without its version is only revalidated
      assertThat(cacheControl(get(path))).as(path).isEqualTo("no-cache, private");
    }
  }

  @Test
  void otherStaticFilesAreRevalidatedAndAnswer304WhenUnchanged() throws Exception {
    for (String path : new String[] {"/dossiers/app.css", "/camunda/app/tasklist/locales/vi.json",
        "/camunda/app/tasklist/scripts/config.js"}) {
      HttpResponse<byte[]> first = get(path);
      assertThat(first.statusCode()).as(path).isEqualTo(200);
      assertThat(cacheControl(first)).as(path).isEqualTo("no-cache, private");
      String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
      HttpResponse<byte[]> again = get(path, "If-Modified-Since", lastModified);
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).as(path).isEmpty();
    }
  }

  @Test
  void pagesWithDataAndApiAnswersAreNeverStored() throws Exception {
    for (String path : new String[] {"/login", "/api/workspace",
        "/camunda/api/engine/engine/"}) {
      HttpResponse<byte[]> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(cacheControl(response)).as(path).contains("no-store");
    }
  }

  @Test
  void textIsCompressedForBrowsersThatAcceptIt() throws Exception {
    HttpResponse<byte[]> plain = get("/camunda/lib/deps.js");
    HttpResponse<byte[]> gzip = get("/camunda/lib/deps.js", "Accept-Encoding", "gzip");
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzip.body().length).isLessThan(plain.body().length / 3);
    HttpResponse<byte[]> json = get("/camunda/app/tasklist/locales/vi.json", "Accept-Encoding", "gzip");
    assertThat(json.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }
}
