package vn.gov.sonla.tdkt.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine on the team's machines: this test reads the deployment files as Docker would and
 * checks what a failed {@code docker compose up} would otherwise reveal only on the province's server.
 *
 * <ul>
 *   <li>The variables the application needs in profile {@code postgres} are derived from {@code application.yaml}
 *       (every environment placeholder of the postgres profile, and every one without a real default that the
 *       profile inherits), and every application service of both compose files sets each one.</li>
 *   <li>No secret is committed: every password or key comes from {@code ${VAR:?...}} (compose refuses to start
 *       without it), and {@code .env.example} leaves them empty.</li>
 *   <li>PostgreSQL 16 keeps its data in a named volume; the cluster has two application nodes with their own node
 *       names, one PostgreSQL, and a reverse proxy with sticky sessions by cookie over both nodes.</li>
 *   <li>The Dockerfile is multi-stage, runs as a non-root user and checks {@code /actuator/health}.</li>
 * </ul>
 */
class ComposeFilesTest {

  private static final Path DOCKER = Paths.get("docker");
  private static final Path APPLICATION_YAML = Paths.get("src/main/resources/application.yaml");
  /** {@code ${NAME}}, {@code ${NAME:default}}: an environment-style name (property references are lower case). */
  private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
  /** Compose's "required" interpolation: {@code ${NAME:?message}} or {@code ${NAME?message}}. */
  private static final Pattern REQUIRED_INTERPOLATION = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:?\\?[^}]*}");
  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");
  private static final String APP_IMAGE = "tdkt-workflow";

  // --- what the application needs ------------------------------------------------------------------------------

  /**
   * The environment variables profile {@code postgres} needs set: every placeholder of the profile's own document
   * (its defaults point at a developer's local database, never at a container's), and every placeholder of the
   * common document that the profile keeps and that has no default or an empty one.
   */
  static Set<String> variablesThePostgresProfileNeeds() throws IOException {
    Map<String, String> common = null;
    Map<String, String> postgres = null;
    try (InputStream in = Files.newInputStream(APPLICATION_YAML)) {
      for (Object document : new Yaml().loadAll(in)) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", document, flat);
        String profile = flat.get("spring.config.activate.on-profile");
        if (profile == null) {
          common = flat;
        } else if (profile.equals("postgres")) {
          postgres = flat;
        }
      }
    }
    assertThat(common).as("the common document of application.yaml").isNotNull();
    assertThat(postgres).as("the postgres profile's document of application.yaml").isNotNull();

    Set<String> needed = new TreeSet<>();
    for (String value : postgres.values()) {
      Matcher m = SPRING_PLACEHOLDER.matcher(value);
      while (m.find()) {
        needed.add(m.group(1));
      }
    }
    Map<String, String> effective = new LinkedHashMap<>(common);
    effective.putAll(postgres);
    for (String value : effective.values()) {
      Matcher m = SPRING_PLACEHOLDER.matcher(value);
      while (m.find()) {
        if (m.group(2) == null || m.group(2).isBlank()) {
          needed.add(m.group(1));
        }
      }
    }
    return needed;
  }

  @Test
  void theVariablesAreDerivedFromApplicationYaml() throws IOException {
    // a sanity check of the derivation (the list itself comes from application.yaml): the ones the README names
    assertThat(variablesThePostgresProfileNeeds())
        .contains("DB_URL", "DB_USER", "DB_PASSWORD", "TDKT_ADMIN_PASSWORD", "TDKT_CITIZEN_ID_KEY")
        // defaults that hold in a container too are not demanded
        .doesNotContain("TDKT_SESSION_TIMEOUT", "TDKT_SECURE_COOKIES", "TDKT_APPRAISAL_LEAD");
  }

  @Test
  void everyApplicationServiceOfBothComposeFilesSetsEveryVariableTheApplicationNeeds() throws IOException {
    Set<String> needed = variablesThePostgresProfileNeeds();
    for (String file : List.of("compose.yaml", "compose.cluster.yaml")) {
      Map<String, Map<String, Object>> apps = appServices(compose(file));
      assertThat(apps).as(file + ": application services").isNotEmpty();
      apps.forEach((name, service) -> {
        Map<String, String> env = environment(service);
        assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(file + " " + name + ": profile").isEqualTo("postgres");
        for (String variable : needed) {
          assertThat(env.get(variable)).as(file + " " + name + " sets " + variable).isNotBlank();
        }
        assertThat(env.get("DB_URL")).as(file + " " + name + ": database").startsWith("jdbc:postgresql://db:5432/");
      });
    }
  }

  // --- nothing secret committed --------------------------------------------------------------------------------

  @Test
  void everySecretComesFromTheEnvironmentAndComposeRefusesToStartWithoutIt() throws IOException {
    for (String file : List.of("compose.yaml", "compose.cluster.yaml")) {
      Map<String, Map<String, Object>> services = services(compose(file));
      services.forEach((name, service) -> environment(service).forEach((key, value) -> {
        if (SECRET_NAME.matcher(key).matches()) {
          assertThat(value).as(file + " " + name + ": " + key + " must be ${VAR:?...}, not a literal")
              .matches(REQUIRED_INTERPOLATION);
        }
      }));
    }
    // and the example file has the names, with the secrets empty
    Map<String, String> example = dotEnv(DOCKER.resolve(".env.example"));
    for (String variable : variablesThePostgresProfileNeeds()) {
      if (SECRET_NAME.matcher(variable).matches()) {
        assertThat(example).as(".env.example lists " + variable).containsKey(variable);
        assertThat(example.get(variable)).as(".env.example leaves " + variable + " empty").isEmpty();
      }
    }
    assertThat(example).containsEntry("DB_PASSWORD", "");
    // the real file stays out of git
    assertThat(Files.readAllLines(Paths.get(".gitignore"))).contains("docker/.env");
  }

  // --- PostgreSQL --------------------------------------------------------------------------------------------

  @Test
  void postgresIsVersion16WithItsDataInANamedVolume() throws IOException {
    for (String file : List.of("compose.yaml", "compose.cluster.yaml")) {
      Map<String, Object> compose = compose(file);
      Map<String, Object> db = services(compose).get("db");
      assertThat(db).as(file + ": service db").isNotNull();
      assertThat((String) db.get("image")).as(file + ": db image").matches("postgres:16([.-].*)?");
      Set<String> named = map(compose.get("volumes")).keySet();
      List<String> mounts = list(db.get("volumes")).stream().map(String::valueOf).toList();
      assertThat(mounts).as(file + ": a named volume on the data directory")
          .anySatisfy(m -> {
            assertThat(m).endsWith(":/var/lib/postgresql/data");
            assertThat(named).contains(m.substring(0, m.indexOf(':')));
          });
    }
  }

  // --- the cluster ------------------------------------------------------------------------------------------

  @Test
  void theClusterHasTwoNodesWithTheirOwnNamesOnePostgresAndTheSameCitizenIdKey() throws IOException {
    Map<String, Object> compose = compose("compose.cluster.yaml");
    Map<String, Map<String, Object>> apps = appServices(compose);
    assertThat(apps).hasSize(2);
    Set<String> hostnames = new LinkedHashSet<>();
    Set<String> databases = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    apps.forEach((name, service) -> {
      Map<String, String> env = environment(service);
      // the engine's node name, bound the way Spring Boot binds the environment
      StandardEnvironment spring = new StandardEnvironment();
      MutablePropertySources sources = spring.getPropertySources();
      // (only a source of this name gets the environment's relaxed names, e.g. GENERICPROPERTIES)
      sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
          StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(env)));
      Map<String, Object> generic = Binder.get(spring).bind("camunda.bpm.generic-properties.properties",
          Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
      assertThat(generic).as(name + ": camunda.bpm.generic-properties.properties").containsKey("hostname");
      hostnames.add(String.valueOf(generic.get("hostname")));
      databases.add(env.get("DB_URL").replaceAll("\\?.*", ""));
      keys.add(env.get("TDKT_CITIZEN_ID_KEY"));
      assertThat(env.get("SERVER_FORWARD_HEADERS_STRATEGY")).as(name + ": behind the proxy").isEqualTo("native");
      assertThat(service.get("ports")).as(name + ": reached through the proxy only").isNull();
    });
    assertThat(hostnames).as("one engine node name per node").hasSize(2);
    assertThat(databases).as("one database").hasSize(1);
    assertThat(keys).as("one citizen ID key for both nodes").hasSize(1);
    assertThat(services(compose).keySet()).contains("db", "proxy");
    // on an empty database the second node waits for the first (the engine creates its tables once)
    List<String> waitsFor = apps.values().stream().map(s -> map(s.get("depends_on")).keySet())
        .flatMap(Set::stream).toList();
    assertThat(waitsFor).containsAnyElementsOf(apps.keySet());
  }

  @Test
  void theSingleNodeIsReachedDirectlyAndSoTrustsNoForwardedHeaders() throws IOException {
    Map<String, Map<String, Object>> apps = appServices(compose("compose.yaml"));
    assertThat(apps).hasSize(1);
    Map<String, Object> app = apps.values().iterator().next();
    assertThat(list(app.get("ports")).stream().map(String::valueOf).toList()).anyMatch(p -> p.endsWith(":8080"));
    // a client could otherwise claim any address in X-Forwarded-For and escape the objection rate limit
    assertThat(environment(app)).doesNotContainKey("SERVER_FORWARD_HEADERS_STRATEGY");
  }

  @Test
  void theProxySendsEachBrowserToOneNodeByCookieAndBalancesOverBoth() throws IOException {
    Map<String, Object> compose = compose("compose.cluster.yaml");
    Map<String, Object> proxy = services(compose).get("proxy");
    assertThat((String) proxy.get("image")).startsWith("traefik:v3");
    assertThat(list(proxy.get("ports")).stream().map(String::valueOf).toList()).anyMatch(p -> p.endsWith(":80"));
    // the proxy's routes: the file provider's files mounted from docker/
    List<Map<String, Object>> dynamic = new ArrayList<>();
    for (Object volume : list(proxy.get("volumes"))) {
      String hostPath = String.valueOf(volume).split(":")[0];
      Path file = DOCKER.resolve(hostPath).normalize();
      assertThat(file).as("mounted file " + hostPath).exists();
      Map<String, Object> config = yaml(file);
      if (config.containsKey("http")) {
        dynamic.add(config);
      }
    }
    assertThat(dynamic).as("a dynamic configuration with HTTP routes").hasSize(1);
    Map<String, Object> http = map(dynamic.get(0).get("http"));
    Map<String, Object> routers = map(http.get("routers"));
    Map<String, Object> servicesOfProxy = map(http.get("services"));
    assertThat(routers).isNotEmpty();
    for (Object router : routers.values()) {
      Map<String, Object> r = map(router);
      assertThat((String) r.get("rule")).as("every path (webapps, pages, API)").isEqualTo("PathPrefix(`/`)");
      Map<String, Object> lb = map(map(servicesOfProxy.get(r.get("service"))).get("loadBalancer"));
      Map<String, Object> cookie = map(map(lb.get("sticky")).get("cookie"));
      assertThat(cookie.get("name")).as("sticky session cookie").isNotNull();
      assertThat(cookie.get("httpOnly")).isEqualTo(true);
      List<String> servers = list(lb.get("servers")).stream().map(s -> String.valueOf(map(s).get("url"))).toList();
      assertThat(servers).containsExactlyInAnyOrderElementsOf(
          appServices(compose).keySet().stream().map(n -> "http://" + n + ":8080").toList());
      assertThat(map(lb.get("healthCheck")).get("path").toString()).startsWith("/actuator/health");
    }
  }

  // --- the image ---------------------------------------------------------------------------------------------

  @Test
  void theDockerfileIsMultiStageRunsAsANonRootUserAndChecksTheActuatorHealth() throws IOException {
    List<String> lines = logicalLines(DOCKER.resolve("Dockerfile"));
    List<String> stages = lines.stream().filter(l -> l.matches("(?i)FROM\\s+\\S+\\s+AS\\s+\\S+")).toList();
    assertThat(stages).as("named build stages").isNotEmpty();
    assertThat(lines.stream().filter(l -> l.matches("(?i)FROM\\s.*")).count()).as("stages").isGreaterThanOrEqualTo(2);
    assertThat(lines.stream().filter(l -> l.matches("(?i)COPY\\s+--from=\\S+\\s.*")).toList())
        .as("the runtime stage takes the jar from the build stage").isNotEmpty();
    String user = lines.stream().filter(l -> l.matches("(?i)USER\\s+\\S+.*")).reduce((a, b) -> b).orElse("USER root");
    assertThat(user.split("\\s+")[1].split(":")[0]).as("the last USER").isNotIn("root", "0");
    int lastUser = lines.lastIndexOf(user);
    int lastFrom = lines.lastIndexOf(lines.stream().filter(l -> l.matches("(?i)FROM\\s.*")).reduce((a, b) -> b).get());
    assertThat(lastUser).as("USER in the final stage").isGreaterThan(lastFrom);
    assertThat(lines.stream().filter(l -> l.matches("(?i)HEALTHCHECK\\s.*")).toList())
        .singleElement().asString().contains("CMD").contains("/actuator/health");
    assertThat(lines).anyMatch(l -> l.matches("(?i)EXPOSE\\s+8080.*"));
    assertThat(lines).anyMatch(l -> l.matches("(?i)ENV\\s+SPRING_PROFILES_ACTIVE=postgres.*"));
  }

  // --- reading the files -------------------------------------------------------------------------------------

  private static Map<String, Object> compose(String file) throws IOException {
    return yaml(DOCKER.resolve(file));
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Object loaded = new Yaml().load(in);
      return map(loaded);
    }
  }

  private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    map(compose.get("services")).forEach((k, v) -> services.put(k, map(v)));
    return services;
  }

  /** The services that run the application: built from the repository or from its image. */
  private static Map<String, Map<String, Object>> appServices(Map<String, Object> compose) {
    Map<String, Map<String, Object>> apps = new LinkedHashMap<>();
    services(compose).forEach((name, service) -> {
      if (service.containsKey("build") || String.valueOf(service.get("image")).startsWith(APP_IMAGE)) {
        apps.put(name, service);
      }
    });
    return apps;
  }

  /** A service's environment, in either of compose's forms (a map, or a list of NAME=value). */
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (raw instanceof List<?> l) {
      for (Object entry : l) {
        String[] kv = String.valueOf(entry).split("=", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : null);
      }
    }
    return env;
  }

  private static Map<String, String> dotEnv(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
        values.put(l.substring(0, l.indexOf('=')).strip(), l.substring(l.indexOf('=') + 1).strip());
      }
    }
    return values;
  }

  /** The Dockerfile's instructions, continuation lines joined, comments and blank lines left out. */
  private static List<String> logicalLines(Path dockerfile) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (current.isEmpty() && (l.isEmpty() || l.startsWith("#"))) {
        continue;
      }
      if (l.endsWith("\\")) {
        current.append(l, 0, l.length() - 1).append(' ');
      } else {
        current.append(l);
        lines.add(current.toString().replaceAll("\\s+", " ").strip());
        current.setLength(0);
      }
    }
    return lines;
  }

  private static void flatten(String prefix, Object node, Map<String, String> into) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + "[" + i + "]", l.get(i), into);
      }
    } else {
      into.put(prefix, node == null ? "" : String.valueOf(node));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }
}
