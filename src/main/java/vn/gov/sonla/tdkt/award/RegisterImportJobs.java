package vn.gov.sonla.tdkt.award;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import vn.gov.sonla.tdkt.engine.EngineClock;

/**
 * Register imports as jobs (table award_import): accepted at once, read, checked and stored on a worker thread,
 * their phase and the rows checked so far readable while they run (the import page polls them).
 */
@Service
public class RegisterImportJobs implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterImportJobs.class);
  /** The province's zone, for the day of an earlier import. */
  private static final java.time.ZoneId VN = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
  /** Bad rows listed in one job's report; a file with more is still refused, the rest are counted. */
  static final int MAX_LISTED_ERRORS = 5000;

  public record Job(String id, String fileName, String fileSha256, String unitCode, String status, String phase,
      int rowsTotal, int rowsDone, int awardsAdded, int ratingsAdded, int rowsAlreadyPresent, int subjectsAdded,
      List<RegisterImport.RowError> errors, String message, String createdBy, OffsetDateTime createdAt,
      OffsetDateTime finishedAt) {}

  private final JdbcClient jdbc;
  private final RegisterImport importer;
  private final DataSize maxFileSize;
  private final ObjectMapper json = new ObjectMapper();
  private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
  private final Clock clock;

  public RegisterImportJobs(JdbcClient jdbc, RegisterImport importer,
      @org.springframework.beans.factory.annotation.Value("${tdkt.imports.max-file-size:20MB}") DataSize maxFileSize,
      Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.importer = importer;
    this.maxFileSize = maxFileSize;
    workers.setCorePoolSize(1);
    workers.setMaxPoolSize(2);
    workers.setQueueCapacity(20);
    workers.setThreadNamePrefix("register-import-");
    workers.initialize();
  }

  public DataSize maxFileSize() {
    return maxFileSize;
  }

  /** Records the job and starts it; the caller gets the job at once (status RUNNING). */
  public Job start(String fileName, byte[] bytes, RegisterImport.Importer who, String unitCode) {
    String id = UUID.randomUUID().toString();
    String sha = org.apache.commons.codec.digest.DigestUtils.sha256Hex(bytes);
    jdbc.sql("INSERT INTO award_import (id, file_name, file_sha256, unit_code, status, phase, rows_total, rows_done,"
            + " awards_added, ratings_added, rows_already_present, subjects_added, created_by, created_at)"
            + " VALUES (:id, :name, :sha, :unit, 'RUNNING', 'READING', 0, 0, 0, 0, 0, 0, :by, :now)")
        .param("id", id).param("name", fileName).param("sha", sha).param("unit", unitCode).param("by", who.userId())
        .param("now", EngineClock.utc(clock)).update();
    workers.execute(() -> run(id, fileName, bytes, sha, who));
    return find(id).orElseThrow();
  }

  /** Runs the job on the calling thread (the worker). */
  void run(String id, String fileName, byte[] bytes, String sha, RegisterImport.Importer who) {
    try {
      RegisterFile.Parsed parsed = RegisterFile.read(fileName, bytes);
      jdbc.sql("UPDATE award_import SET phase = 'CHECKING', rows_total = :n WHERE id = :id")
          .param("n", parsed.rows().size()).param("id", id).update();
      RegisterImport.Outcome outcome = importer.run(parsed, who, id,
          done -> jdbc.sql("UPDATE award_import SET rows_done = :d WHERE id = :id").param("d", done).param("id", id)
              .update(),
          () -> jdbc.sql("UPDATE award_import SET phase = 'STORING' WHERE id = :id").param("id", id).update());
      String message;
      if (outcome.refused()) {
        message = "Tệp bị từ chối: " + outcome.errors().size() + " lỗi; không có dòng nào được ghi vào sổ.";
      } else {
        message = "Đã nhập " + outcome.rows() + " dòng: thêm " + outcome.awardsAdded() + " khen thưởng, "
            + outcome.ratingsAdded() + " xếp loại, " + outcome.subjectsAdded() + " đối tượng mới; "
            + outcome.alreadyPresent() + " dòng đã có trong sổ." + previousImport(sha, id);
      }
      if (!outcome.ignoredHeaders().isEmpty()) {
        message += " Các cột không dùng: " + String.join(", ", outcome.ignoredHeaders()) + ".";
      }
      finish(id, outcome.refused() ? "REFUSED" : "DONE", outcome, outcome.errors(), message);
    } catch (RegisterFile.FileProblem e) {
      finish(id, "REFUSED", null, List.of(new RegisterImport.RowError(0, "tệp", e.getMessage())),
          "Tệp bị từ chối: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Register import {} failed", id, e);
      finish(id, "FAILED", null, List.of(), "Nhập sổ không thành công, không có dòng nào được ghi (" + e.getClass()
          .getSimpleName() + "). Thử lại; nếu vẫn lỗi, báo quản trị hệ thống.");
    }
  }

  private String previousImport(String sha, String id) {
    return jdbc.sql("SELECT MIN(created_at) FROM award_import WHERE file_sha256 = :sha AND status = 'DONE'"
            + " AND id <> :id")
        .param("sha", sha).param("id", id).query(OffsetDateTime.class).optional()
        .map(at -> " Tệp giống hệt đã được nhập trước đó (" + at.atZoneSameInstant(VN).toLocalDate()
            + ").")
        .orElse("");
  }

  private void finish(String id, String status, RegisterImport.Outcome o, List<RegisterImport.RowError> errors,
      String message) {
    List<RegisterImport.RowError> listed = errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS)
        : errors;
    if (errors.size() > MAX_LISTED_ERRORS) {
      message += " (liệt kê " + MAX_LISTED_ERRORS + " lỗi đầu tiên)";
    }
    String errorJson;
    try {
      errorJson = json.writeValueAsString(listed);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    jdbc.sql("UPDATE award_import SET status = :status, phase = 'FINISHED', rows_done = rows_total, errors = :errors,"
            + " message = :message, awards_added = :a, ratings_added = :r, rows_already_present = :p,"
            + " subjects_added = :s, finished_at = :now WHERE id = :id")
        .param("status", status).param("errors", errorJson).param("message", message)
        .param("a", o == null ? 0 : o.awardsAdded()).param("r", o == null ? 0 : o.ratingsAdded())
        .param("p", o == null ? 0 : o.alreadyPresent()).param("s", o == null ? 0 : o.subjectsAdded())
        .param("now", EngineClock.utc(clock)).param("id", id).update();
  }

  public Optional<Job> find(String id) {
    return jdbc.sql("SELECT * FROM award_import WHERE id = :id").param("id", id).query((rs, n) -> {
      List<RegisterImport.RowError> errors = new ArrayList<>();
      String e = rs.getString("errors");
      if (e != null) {
        try {
          errors = json.readValue(e, new TypeReference<List<RegisterImport.RowError>>() {});
        } catch (Exception ex) {
          throw new IllegalStateException(ex);
        }
      }
      return new Job(rs.getString("id"), rs.getString("file_name"), rs.getString("file_sha256"),
          rs.getString("unit_code"), rs.getString("status"), rs.getString("phase"), rs.getInt("rows_total"),
          rs.getInt("rows_done"), rs.getInt("awards_added"), rs.getInt("ratings_added"),
          rs.getInt("rows_already_present"), rs.getInt("subjects_added"), errors, rs.getString("message"),
          rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
          rs.getObject("finished_at", OffsetDateTime.class));
    }).optional();
  }

  /** The job as the API shows it, with a progress percentage. */
  public static Map<String, Object> view(Job j) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", j.id());
    v.put("fileName", j.fileName());
    v.put("status", j.status());
    v.put("phase", j.phase());
    v.put("rowsTotal", j.rowsTotal());
    v.put("rowsDone", j.rowsDone());
    v.put("percent", j.rowsTotal() == 0 ? ("FINISHED".equals(j.phase()) ? 100 : 0)
        : "STORING".equals(j.phase()) ? 99 : Math.min(100, j.rowsDone() * 100 / j.rowsTotal()));
    v.put("awardsAdded", j.awardsAdded());
    v.put("ratingsAdded", j.ratingsAdded());
    v.put("rowsAlreadyPresent", j.rowsAlreadyPresent());
    v.put("subjectsAdded", j.subjectsAdded());
    v.put("errors", j.errors());
    v.put("message", j.message());
    v.put("createdBy", j.createdBy());
    v.put("createdAt", j.createdAt());
    v.put("finishedAt", j.finishedAt());
    return v;
  }

  @Override
  public void destroy() {
    workers.shutdown();
  }
}
