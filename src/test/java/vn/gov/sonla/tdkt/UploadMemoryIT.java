package vn.gov.sonla.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import vn.gov.sonla.tdkt.support.Api;
import vn.gov.sonla.tdkt.support.AppNode;

/**
 * Issue 15, finding 8: uploads cannot exhaust the heap. The packaged application runs on its default profile with
 * a 384 MB heap ({@code -Xmx384m}, and {@code -XX:+ExitOnOutOfMemoryError}, so an exhausted heap ends the JVM)
 * while three clients at once send a 60 MB document each, over the 20 MB a document may have: the uploads are
 * refused while they are read (413, or the connection closed by the server once the part is over the limit) and
 * the JVM stays up and healthy.
 */
class UploadMemoryIT {

  private static final Duration START_UP = Duration.ofMinutes(5);
  private AppNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop();
    }
  }

  @Test
  void threeParallelSixtyMegabyteUploadsLeaveA384MegabyteJvmHealthy(@TempDir Path data) throws Exception {
    node = AppNode.onDefaultH2("upload", "UploadMemoryIT", data)
        .jvmOptions("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Ho_Chi_Minh")
        .property("camunda.bpm.job-execution.enabled", "false")
        .startAndAwaitUp(START_UP);

    List<CompletableFuture<String>> oversized = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      oversized.add(CompletableFuture.supplyAsync(() -> send("Lường Văn Quá Cỡ " + n,
          List.of(pdf("OTHER", "qua-co-" + n + ".pdf", 60 * 1024 * 1024)))));
    }
    for (CompletableFuture<String> outcome : oversized) {
      assertThat(outcome.get(5, TimeUnit.MINUTES)).as("oversized upload").isIn("413", "connection closed");
    }
    assertThat(node.isAlive()).as("JVM alive after the oversized uploads:\n%s", node.tail(40)).isTrue();
    assertThat(node.healthy()).as("health UP after the oversized uploads").isTrue();
    assertThat(Files.readString(node.log(), StandardCharsets.UTF_8))
        .contains("FileSizeLimitExceededException").doesNotContain("OutOfMemoryError");
  }

  /**
   * Documents within the limits are streamed from Tomcat's temporary files: checked (size, signature), hashed and
   * inserted (JDBC setBinaryStream; a BLOB on H2) without being held whole in the heap. Before, dossier.Upload held
   * their bytes and three dossiers of 57 MB at once ended a 384 MB JVM with OutOfMemoryError (measured 2026-12-07).
   */
  @Test
  void threeParallelUploadsOfFiftySevenMegabytesWithinTheLimitsAreStored(@TempDir Path data) throws Exception {
    node = AppNode.onDefaultH2("upload-large", "UploadMemoryIT", data)
        .jvmOptions("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Ho_Chi_Minh")
        .property("camunda.bpm.job-execution.enabled", "false")
        .startAndAwaitUp(START_UP);
    List<CompletableFuture<String>> large = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      large.add(CompletableFuture.supplyAsync(() -> send("Lường Thị Đủ Cỡ " + n, List.of(
          pdf("OTHER", "phu-luc-a-" + n + ".pdf", 19 * 1024 * 1024),
          pdf("OTHER", "phu-luc-b-" + n + ".pdf", 19 * 1024 * 1024),
          pdf("OTHER", "phu-luc-c-" + n + ".pdf", 19 * 1024 * 1024)))));
    }
    for (CompletableFuture<String> outcome : large) {
      assertThat(outcome.get(5, TimeUnit.MINUTES)).as("57 MB within the limits").isEqualTo("201");
    }
    assertThat(node.isAlive()).as("JVM alive after the large uploads:\n%s", node.tail(40)).isTrue();
    assertThat(node.healthy()).as("health UP after the large uploads").isTrue();
    assertThat(Files.readString(node.log(), StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
  }

  /** A draft dossier with the required documents and {@code extra}; "201", "413", … or "connection closed". */
  private String send(String subject, List<Api.FilePart> extra) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("awardType", "BK_TINH");
    json.put("awardKind", "ANNUAL");
    json.put("year", LocalDate.now().getYear());
    json.put("subjectKind", "INDIVIDUAL");
    json.put("subjectRole", "DIRECT_WORKER");
    json.put("subjectName", subject);
    json.put("birthDate", "1984-09-02");
    json.put("position", "Chuyên viên");
    json.put("workUnit", "Phòng Tổ chức");
    json.put("achievements", "Hoàn thành xuất sắc nhiệm vụ.");
    List<Api.FilePart> files = new ArrayList<>(Api.requiredFiles("ANNUAL"));
    files.addAll(extra);
    try {
      ResponseEntity<JsonNode> response = node.api().createDossier("officer.sgddt", json, files, true);
      if (response.getStatusCode() == HttpStatus.PAYLOAD_TOO_LARGE) {
        assertThat(response.getBody().get("detail").asText()).contains("vượt quá dung lượng");
      }
      return String.valueOf(response.getStatusCode().value());
    } catch (ResourceAccessException e) {
      return "connection closed";
    }
  }

  private static Api.FilePart pdf(String part, String name, int size) {
    byte[] bytes = new byte[size];
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    for (int i = head.length; i < size; i += 4096) {
      bytes[i] = (byte) (i * 31);
    }
    return new Api.FilePart(part, name, "application/pdf", bytes);
  }
}
