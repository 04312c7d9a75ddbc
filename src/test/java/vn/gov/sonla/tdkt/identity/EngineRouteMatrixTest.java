package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix of issue 15: every route of the engine REST API, enumerated from camunda-engine-rest-core's
 * JAX-RS resources ({@link EngineRouteCatalog}), × every role, against ONE table:
 * {@code src/test/resources/identity/engine-route-matrix.txt}, one row per route:
 * {@code METHOD TEMPLATE ROLES}, ROLES one letter per role in the order anonymous, unit officer, home-affairs,
 * council, chairman, clerk, auditor, admin ({@code Y} allowed, {@code -} refused, {@code S} allowed on one's own user
 * only). A route without a row (e.g. a new one after a Camunda upgrade) fails the test, and so does a row without
 * a route. The webapps' engine API serves the same resources under {@code /camunda/api/engine/engine/{name}}: every
 * route is checked there too. Live calls per role, proving the filter is wired: {@link EngineBypassTest}.
 */
class EngineRouteMatrixTest {

  /** The roles of the acceptance, with the groups of a demo user of each. */
  static final Map<String, List<String>> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("anonymous", null);
    ROLES.put("officer", List.of("unit-sgddt"));
    ROLES.put("home-affairs", List.of("home-affairs"));
    ROLES.put("council", List.of("council"));
    ROLES.put("chairman", List.of("chairman"));
    ROLES.put("clerk", List.of("clerk"));
    ROLES.put("auditor", List.of("auditors"));
    ROLES.put("admin", List.of("camunda-admin"));
  }

  private static final String USER = "officer.sgddt";

  /** What the allow-list decides for a route and role: Y, -, or S (own user only). */
  static char decision(EngineRouteCatalog.Route route, List<String> groups, String webapps) {
    if (groups == null) {
      return '-'; // anonymous: Spring Security answers 401 before the allow-list (EngineBypassTest, LoginSecurityTest)
    }
    Set<EngineRoutes.Role> roles = EngineRoutes.Role.of(groups);
    String concrete = route.template().replaceAll("\\{[^}/]*}", "x1");
    String other = EngineRoutes.enginePath("/engine-rest" + concrete, webapps).orElseThrow();
    String named = EngineRoutes.enginePath(webapps + "/api/engine/engine/default" + concrete, webapps).orElseThrow();
    assertThat(named).as("webapp path of %s", route).isEqualTo(other);
    boolean forOther = EngineRoutes.allows(route.method(), other, roles, "someone-else");
    boolean forSelf = EngineRoutes.allows(route.method(), concrete.replace("x1", USER), roles, USER);
    return forOther ? 'Y' : forSelf ? 'S' : '-';
  }

  static String row(EngineRouteCatalog.Route route) {
    StringBuilder b = new StringBuilder(route.method() + " " + route.template() + " ");
    ROLES.values().forEach(groups -> b.append(decision(route, groups, "/camunda")));
    return b.toString();
  }

  static Map<String, String> table() throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    try (InputStream in = EngineRouteMatrixTest.class.getResourceAsStream("/identity/engine-route-matrix.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        rows.put(parts[0] + " " + parts[1], parts[2]);
      }
    }
    return rows;
  }

  @Test
  void everyRouteOfTheEngineRestApiHasItsRowAndTheAllowListFollowsIt() throws IOException {
    List<EngineRouteCatalog.Route> routes = EngineRouteCatalog.routes();
    assertThat(routes).hasSizeGreaterThan(400);
    Map<String, String> table = table();
    List<String> missing = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (EngineRouteCatalog.Route route : routes) {
      String key = route.method() + " " + route.template();
      String actual = row(route);
      String expected = table.remove(key);
      if (expected == null) {
        missing.add(actual);
      } else if (!actual.endsWith(" " + expected)) {
        wrong.add("expected " + key + " " + expected + ", allow-list gives " + actual);
      }
    }
    assertThat(missing).as("routes without a row in engine-route-matrix.txt (add them, decided)").isEmpty();
    assertThat(wrong).as("routes whose allow-list decision differs from the table").isEmpty();
    assertThat(table.keySet()).as("rows without a route").isEmpty();
  }

  @Test
  void everyTemplateOfTheAllowListIsARoute() {
    for (EngineRoutes.Rule rule : EngineRoutes.RULES) {
      if (rule.template().equals("/**")) {
        continue;
      }
      for (String method : rule.methods()) {
        if (method.equals("HEAD") || method.equals("OPTIONS")) {
          continue;
        }
        assertThat(EngineRouteCatalog.routes()).as("%s %s", method, rule.template())
            .anyMatch(r -> r.method().equals(method) && EngineRoutes.sameTemplate(r.template(), rule.template()));
      }
    }
  }

  @Test
  void literalSegmentsWinOverVariablesAndUnknownPathsAreRefused() {
    Set<EngineRoutes.Role> worker = EngineRoutes.Role.of(List.of("unit-sgddt"));
    assertThat(EngineRoutes.allows("GET", "/process-definition/statistics", worker, USER)).isFalse();
    assertThat(EngineRoutes.allows("GET", "/process-definition/abc", worker, USER)).isTrue();
    assertThat(EngineRoutes.allows("GET", "/task/1/../../job", worker, USER)).isFalse();
    assertThat(EngineRoutes.allows("GET", "/no-such-resource", worker, USER)).isFalse();
    assertThat(EngineRoutes.allows("POST", "/task/1/claim/", worker, USER)).isTrue();
    assertThat(EngineRoutes.allows("OPTIONS", "/task/1", worker, USER)).isFalse();
    assertThat(EngineRoutes.allows("PUT", "/user/" + USER + "/credentials", worker, USER)).isTrue();
    assertThat(EngineRoutes.allows("PUT", "/user/chairman/credentials", worker, USER)).isFalse();
    assertThat(EngineRoutes.enginePath("/engine-rest/engine/default/task", "/camunda")).contains("/task");
    assertThat(EngineRoutes.enginePath("/camunda/api/engine/engine/default/task", "/camunda")).contains("/task");
    assertThat(EngineRoutes.enginePath("/camunda/api/engine/engine/", "/camunda")).contains("/engine");
    assertThat(EngineRoutes.enginePath("/api/dossiers", "/camunda")).isEmpty();
  }

  /** Prints the table's rows as the allow-list decides them (to review a Camunda upgrade's new routes). */
  public static void main(String[] args) {
    EngineRouteCatalog.routes().forEach(r -> System.out.println(row(r)));
  }
}
