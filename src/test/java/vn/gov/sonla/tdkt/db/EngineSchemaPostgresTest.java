package vn.gov.sonla.tdkt.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * The engine schema on PostgreSQL comes from Camunda's scripts through Flyway (V10), before the engine starts with
 * schema-update off; a database whose engine tables an earlier version created with schema-update keeps them
 * (V10 skips) and starts as before.
 */
class EngineSchemaPostgresTest {

  @Test
  void aFreshDatabaseGetsTheEngineSchemaFromFlywayBeforeTheEngineStarts() throws Exception {
    String url = PostgresTestDatabase.url("tdkt_schema_fresh");
    try (ConfigurableApplicationContext app = PostgresApp.start(url)) {
      ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
          .getProcessEngineConfiguration();
      assertThat(config.getDatabaseSchemaUpdate()).as("postgres profile: the engine only checks its schema")
          .isEqualTo("false");
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
      Map<String, Object> v10 = jdbc.queryForMap(
          "SELECT description, type, success FROM flyway_schema_history WHERE version = '10'");
      assertThat(v10).containsEntry("description", "camunda engine 7 24").containsEntry("type", "JDBC")
          .containsEntry("success", true);
      assertThat(jdbc.queryForList("SELECT version_ FROM act_ge_schema_log", String.class))
          .as("created once, by Camunda's 7.24 create script").containsExactly("7.24.0");
      // every table of the create scripts, e.g. history, identity, CMMN and DMN ones
      assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
          + " AND table_name LIKE 'act_%'", String.class)).contains("act_ru_job", "act_hi_procinst", "act_id_user",
          "act_ru_case_execution", "act_hi_caseinst", "act_re_decision_def", "act_hi_decinst");
      assertThat(app.getBean(ProcessEngine.class).getIdentityService().createUserQuery().userId("admin").count())
          .isEqualTo(1);
    }
  }

  @Test
  void aDatabaseWhoseEngineTablesSchemaUpdateCreatedStartsWithoutCreatingThemAgain() throws Exception {
    String url = PostgresTestDatabase.url("tdkt_schema_existing");
    // what an earlier version of the application left: engine tables (schema-update ran the same scripts),
    // no Flyway history yet, or one without V10
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      CamundaSchemaScripts.runCreateScripts(connection);
      new JdbcTemplate(new SingleConnectionDataSource(connection, true))
          .update("INSERT INTO act_ge_property (name_, value_, rev_) VALUES ('tdkt.marker', 'kept', 1)");
    }
    try (ConfigurableApplicationContext app = PostgresApp.start(url)) {
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
      List<String> versions = jdbc.queryForList(
          "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
      assertThat(versions).as("baselined at 0, then every migration").startsWith("0", "1").contains("10", "13");
      assertThat(jdbc.queryForObject("SELECT value_ FROM act_ge_property WHERE name_ = 'tdkt.marker'", String.class))
          .as("the existing engine tables were kept").isEqualTo("kept");
      assertThat(jdbc.queryForList("SELECT version_ FROM act_ge_schema_log", String.class)).containsExactly("7.24.0");
      assertThat(app.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("commendation-dossier").count()).isPositive();
    }
  }
}
