package vn.gov.sonla.tdkt.dossier;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * At start-up, fills {@code dossier.subject_search} (V7) for rows that have none: dossiers created
 * before the search existed. New and updated dossiers get it from {@link DossierRepository}.
 */
@Component
class SubjectSearchBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SubjectSearchBackfill.class);
  private static final int BATCH = 500;

  private record Row(String code, String subjectName) {}

  private final JdbcClient jdbc;

  SubjectSearchBackfill(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    int filled = 0;
    List<Row> rows;
    do {
      rows = jdbc.sql("SELECT code, subject_name FROM dossier WHERE subject_search IS NULL ORDER BY code LIMIT " + BATCH)
          .query(Row.class).list();
      for (Row row : rows) {
        filled += jdbc.sql("UPDATE dossier SET subject_search = :search WHERE code = :code AND subject_search IS NULL")
            .param("search", VietnameseText.fold(row.subjectName()))
            .param("code", row.code())
            .update();
      }
    } while (rows.size() == BATCH);
    if (filled > 0) {
      log.info("Folded the subject names of {} dossiers for search", filled);
    }
  }
}
