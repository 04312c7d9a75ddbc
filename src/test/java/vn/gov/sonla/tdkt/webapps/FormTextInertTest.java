package vn.gov.sonla.tdkt.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 15, finding 12: user text shown in a task form is text, never Markdown or HTML. Every {@code text} component
 * of every form in {@code forms/} is rendered as Tasklist renders it (form-js' feelers templating, then marked, from
 * Camunda's own webjar bundle, run by Node.js: src/test/resources/forms/render-text.js) with every variable holding
 * a Markdown link and an HTML image: the result has no link but the system's own, no image, and shows both texts
 * literally. Skipped where Node.js is not installed.
 */
class FormTextInertTest {

  static final String LINK = "[Bấm để xác nhận](http://x)";
  static final String IMAGE = "<img src=x onerror=alert(1)>";
  static final String HOSTILE = LINK + " " + IMAGE + " **đậm** _nghiêng_ # tiêu đề www.lua-dao.vn";
  static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*>", Pattern.CASE_INSENSITIVE);

  @TempDir
  static Path work;
  static Path deps;
  static Path script;

  @BeforeAll
  static void bundle() throws IOException {
    deps = work.resolve("deps.js");
    try (InputStream in = FormTextInertTest.class.getResourceAsStream("/META-INF/resources/webjars/camunda/lib/deps.js")) {
      assertThat(in).as("Camunda webjar's form-js bundle on the test classpath").isNotNull();
      Files.copy(in, deps, StandardCopyOption.REPLACE_EXISTING);
    }
    script = work.resolve("render-text.js");
    try (InputStream in = FormTextInertTest.class.getResourceAsStream("/forms/render-text.js")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void userTextRendersAsLiteralText(Path form) throws Exception {
    assumeTrue(nodeAvailable(), "Node.js (node) not installed");
    JsonNode rendered = render(form);
    List<String> texts = new ArrayList<>();
    for (JsonNode component : rendered) {
      String id = component.get("id").asText();
      String html = component.get("html").asText();
      assertThat(html).as("%s %s: no image", form.getFileName(), id).doesNotContainIgnoringCase("<img");
      assertThat(html).as("%s %s: no emphasis from user text", form.getFileName(), id)
          .doesNotContain("<strong>đậm</strong>", "<em>nghiêng</em>");
      Matcher anchor = ANCHOR.matcher(html);
      while (anchor.find()) {
        assertThat(anchor.group()).as("%s %s: only the system's own links", form.getFileName(), id)
            .contains("href=\"http://tdkt.example/ok\"");
      }
      texts.add(HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", "")));
    }
    if (texts.stream().anyMatch(t -> t.contains("Bấm để xác nhận"))) {
      assertThat(texts).as("%s shows the hostile text literally", form.getFileName())
          .anyMatch(t -> t.contains(HOSTILE));
    }
  }

  private static JsonNode render(Path form) throws Exception {
    Process node = new ProcessBuilder("node", script.toString(), deps.toString(), form.toAbsolutePath().toString(),
        HOSTILE).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = node.getInputStream().readAllBytes();
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as("node render-text.js exit code").isZero();
    return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
