package vn.gov.sonla.tdkt.db;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.sonla.tdkt.TdktApplication;

/** The application in this JVM on a local PostgreSQL database, profile postgres, as an operator starts it. */
final class PostgresApp {

  private PostgresApp() {}

  static ConfigurableApplicationContext start(String url, String... more) {
    List<String> args = new ArrayList<>(List.of(
        // command-line arguments, as they override application.yaml and the environment
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--spring.datasource.hikari.maximum-pool-size=8",
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--tdkt.demo-data=true",
        "--tdkt.admin.password=admin-secret",
        "--tdkt.subjects.citizen-id-key=test-citizen-id-key",
        "--camunda.bpm.job-execution.core-pool-size=2",
        "--camunda.bpm.job-execution.max-pool-size=2"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(TdktApplication.class).run(args.toArray(String[]::new));
  }

  static String baseUrl(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }
}
