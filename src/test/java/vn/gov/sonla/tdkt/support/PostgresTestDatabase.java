package vn.gov.sonla.tdkt.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database on the local PostgreSQL server (127.0.0.1:5432, trust auth), created once per
 * test JVM, so that tests on the real server start from an empty schema whatever earlier runs left.
 */
public final class PostgresTestDatabase {

  public static final String HOST = System.getProperty("tdkt.test.pg.host", "127.0.0.1:5432");
  /**
   * Appended to every test database's name, so that two checkouts testing at once on one server do not
   * drop each other's databases: system property {@code tdkt.test.pg.suffix} or environment variable
   * {@code TDKT_TEST_DB_SUFFIX} (letters, digits, underscore), empty by default.
   */
  public static final String SUFFIX = suffix();
  public static final String NAME = "tdkt_it";
  private static final java.util.Map<String, String> URLS = new java.util.HashMap<>();

  private PostgresTestDatabase() {}

  public static String url() {
    return url(NAME);
  }

  /** A fresh database of this name, created once per test JVM (one per Spring test context). */
  public static synchronized String url(String name) {
    return URLS.computeIfAbsent(name + SUFFIX, n -> {
      try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", "postgres", "");
           Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
        st.execute("CREATE DATABASE " + n + " ENCODING 'UTF8' TEMPLATE template0");
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL must run on " + HOST + " with trust authentication for the"
            + " tests (bash .ci/run starts it): " + e.getMessage(), e);
      }
      return "jdbc:postgresql://" + HOST + "/" + n;
    });
  }

  /** The database of this name as an earlier run left it (created empty when missing): for benchmarks' reuse. */
  public static synchronized String kept(String name) {
    return URLS.computeIfAbsent(name + SUFFIX, n -> {
      try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", "postgres", "");
           Statement st = admin.createStatement();
           java.sql.ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + n + "'")) {
        if (!rs.next()) {
          st.execute("CREATE DATABASE " + n + " ENCODING 'UTF8' TEMPLATE template0");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL must run on " + HOST + " with trust authentication: "
            + e.getMessage(), e);
      }
      return "jdbc:postgresql://" + HOST + "/" + n;
    });
  }

  private static String suffix() {
    String value = System.getProperty("tdkt.test.pg.suffix", System.getenv().getOrDefault("TDKT_TEST_DB_SUFFIX", ""));
    if (!value.matches("[A-Za-z0-9_]*")) {
      throw new IllegalStateException("TDKT_TEST_DB_SUFFIX may hold only letters, digits and '_': " + value);
    }
    return value.isEmpty() ? "" : "_" + value.toLowerCase(java.util.Locale.ROOT);
  }
}
