package vn.gov.sonla.tdkt.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one allow-list of the engine's HTTP routes ({@code /engine-rest/**} and the webapps' engine API
 * {@code /camunda/api/engine/engine/{name}/**}, which serve the same JAX-RS resources): deny by default, then
 * one table of (methods, path template, roles). Camunda's authorizations are the second layer; this one makes
 * sure that a grant added later cannot reopen a route people must not use (process starts, instance
 * modification, messages, signals, jobs, deployments, variable writes, assignment, comments, attachments...).
 *
 * <ul>
 *   <li>{@link Role#WORKER} (units, Home Affairs, council, Chairman): what their Tasklist work needs — list
 *       tasks through their filters, read a task, its form and variables, claim, unclaim, complete or submit
 *       its form; read the process definition a form or diagram needs; read users and groups (the engine's
 *       authorizations decide which); change their own password and profile.</li>
 *   <li>{@link Role#AUDITOR}: every read (GET, HEAD, OPTIONS, and the POST queries listed here), no write.</li>
 *   <li>{@link Role#ADMIN} ({@code camunda-admin}): every route; voting and deciding are refused by the tasks'
 *       own checks (an administrator is not a council member nor the Chairman).</li>
 * </ul>
 *
 * Templates use JAX-RS path syntax ({@code {id}} is one path segment); the authorization matrix test checks
 * every route of camunda-engine-rest-core against this table.
 */
public final class EngineRoutes {

  private EngineRoutes() {}

  /** What a user may do on the engine's HTTP API, from the groups (several groups: the union). */
  public enum Role {
    WORKER, AUDITOR, ADMIN;

    public static Set<Role> of(Collection<String> groups) {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String g : groups) {
        if (Groups.ADMIN.equals(g)) {
          roles.add(ADMIN);
        } else if (Groups.AUDITORS.equals(g)) {
          roles.add(AUDITOR);
        } else if (Groups.HOME_AFFAIRS.equals(g) || Groups.COUNCIL.equals(g) || Groups.CHAIRMAN.equals(g)
            || Groups.CLERK.equals(g) || g.startsWith(Groups.UNIT_PREFIX)) {
          roles.add(WORKER);
        }
      }
      return roles;
    }
  }

  /** Who may call a route: the roles, and whether a worker may call it only on their own user ({@code {id}}). */
  record Rule(Set<String> methods, String template, Set<Role> roles, boolean selfOnly) {

    /** The value of the template's {@code {id}} segment in the concrete path, if any. */
    Optional<String> id(String[] segments) {
      String[] parts = split(template);
      for (int i = 0; i < parts.length; i++) {
        if ("{id}".equals(parts[i])) {
          return Optional.of(segments[i]);
        }
      }
      return Optional.empty();
    }
  }

  private static final Set<String> READ = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> GET = Set.of("GET", "HEAD");
  private static final Set<String> POST = Set.of("POST");
  private static final Set<String> PUT = Set.of("PUT");
  private static final Set<Role> WORKERS = EnumSet.of(Role.WORKER, Role.AUDITOR, Role.ADMIN);
  private static final Set<Role> READERS = EnumSet.of(Role.AUDITOR, Role.ADMIN);

  /** The table. Anything not listed is refused (except for {@link Role#ADMIN}). */
  static final List<Rule> RULES = List.of(
      // the engine list (the webapps ask for it first)
      new Rule(GET, "/engine", WORKERS, false),
      // Tasklist: filters
      new Rule(GET, "/filter", WORKERS, false),
      new Rule(GET, "/filter/count", WORKERS, false),
      new Rule(GET, "/filter/{id}", WORKERS, false),
      new Rule(Set.of("GET", "HEAD", "POST"), "/filter/{id}/list", WORKERS, false),
      new Rule(Set.of("GET", "HEAD", "POST"), "/filter/{id}/count", WORKERS, false),
      new Rule(Set.of("GET", "HEAD", "POST"), "/filter/{id}/singleResult", WORKERS, false),
      // tasks: query, read, form, variables (read), claim, unclaim, complete, submit the form
      new Rule(Set.of("GET", "HEAD", "POST"), "/task", WORKERS, false),
      new Rule(Set.of("GET", "HEAD", "POST"), "/task/count", WORKERS, false),
      new Rule(GET, "/task/{id}", WORKERS, false),
      new Rule(GET, "/task/{id}/form", WORKERS, false),
      new Rule(GET, "/task/{id}/deployed-form", WORKERS, false),
      new Rule(GET, "/task/{id}/rendered-form", WORKERS, false),
      new Rule(GET, "/task/{id}/form-variables", WORKERS, false),
      new Rule(GET, "/task/{id}/variables", WORKERS, false),
      new Rule(GET, "/task/{id}/variables/{varName}", WORKERS, false),
      new Rule(GET, "/task/{id}/variables/{varName}/data", WORKERS, false),
      new Rule(GET, "/task/{id}/localVariables", WORKERS, false),
      new Rule(GET, "/task/{id}/localVariables/{varName}", WORKERS, false),
      new Rule(GET, "/task/{id}/localVariables/{varName}/data", WORKERS, false),
      new Rule(GET, "/task/{id}/identity-links", WORKERS, false),
      new Rule(GET, "/task/{id}/comment", WORKERS, false),
      new Rule(GET, "/task/{id}/comment/{commentId}", WORKERS, false),
      new Rule(GET, "/task/{id}/attachment", WORKERS, false),
      new Rule(GET, "/task/{id}/attachment/{attachmentId}", WORKERS, false),
      new Rule(GET, "/task/{id}/attachment/{attachmentId}/data", WORKERS, false),
      new Rule(POST, "/task/{id}/claim", WORKERS, false),
      new Rule(POST, "/task/{id}/unclaim", WORKERS, false),
      new Rule(POST, "/task/{id}/complete", WORKERS, false),
      new Rule(POST, "/task/{id}/submit-form", WORKERS, false),
      // the process definition a task form, its diagram or Tasklist's process list needs (starting is not here)
      new Rule(GET, "/process-definition", WORKERS, false),
      new Rule(GET, "/process-definition/count", WORKERS, false),
      new Rule(GET, "/process-definition/{id}", WORKERS, false),
      new Rule(GET, "/process-definition/{id}/xml", WORKERS, false),
      new Rule(GET, "/process-definition/key/{key}", WORKERS, false),
      new Rule(GET, "/process-definition/key/{key}/xml", WORKERS, false),
      // Tasklist's history tab of a task
      new Rule(GET, "/history/user-operation", WORKERS, false),
      new Rule(GET, "/history/user-operation/count", WORKERS, false),
      // users and groups (the engine's authorizations decide which ones a user sees)
      new Rule(GET, "/user", WORKERS, false),
      new Rule(GET, "/user/count", WORKERS, false),
      new Rule(GET, "/user/{id}/profile", WORKERS, false),
      new Rule(GET, "/group", WORKERS, false),
      new Rule(GET, "/group/count", WORKERS, false),
      new Rule(GET, "/group/{id}", WORKERS, false),
      new Rule(GET, "/identity/groups", WORKERS, false),
      new Rule(GET, "/authorization/check", WORKERS, false),
      // one's own password and profile (Welcome)
      new Rule(PUT, "/user/{id}/credentials", WORKERS, true),
      new Rule(PUT, "/user/{id}/profile", WORKERS, true),
      // auditors: every read, and the queries sent as POST (they change nothing)
      new Rule(READ, "/**", READERS, false),
      new Rule(POST, "/execution", READERS, false),
      new Rule(POST, "/execution/count", READERS, false),
      new Rule(POST, "/external-task", READERS, false),
      new Rule(POST, "/external-task/count", READERS, false),
      new Rule(POST, "/history/activity-instance", READERS, false),
      new Rule(POST, "/history/activity-instance/count", READERS, false),
      new Rule(POST, "/history/detail", READERS, false),
      new Rule(POST, "/history/external-task-log", READERS, false),
      new Rule(POST, "/history/external-task-log/count", READERS, false),
      new Rule(POST, "/history/job-log", READERS, false),
      new Rule(POST, "/history/job-log/count", READERS, false),
      new Rule(POST, "/history/process-instance", READERS, false),
      new Rule(POST, "/history/process-instance/count", READERS, false),
      new Rule(POST, "/history/task", READERS, false),
      new Rule(POST, "/history/task/count", READERS, false),
      new Rule(POST, "/history/variable-instance", READERS, false),
      new Rule(POST, "/history/variable-instance/count", READERS, false),
      new Rule(POST, "/job", READERS, false),
      new Rule(POST, "/job/count", READERS, false),
      new Rule(POST, "/job-definition", READERS, false),
      new Rule(POST, "/job-definition/count", READERS, false),
      new Rule(POST, "/process-instance", READERS, false),
      new Rule(POST, "/process-instance/count", READERS, false),
      new Rule(POST, "/variable-instance", READERS, false),
      new Rule(POST, "/variable-instance/count", READERS, false));

  /** The decision on one request. */
  public enum Decision { ALLOW, DENY, NOT_ENGINE }

  /**
   * The path inside the engine's REST API, e.g. {@code /task/1/claim}, from a request's servlet path and path info:
   * {@code /engine-rest/task/1/claim}, {@code /engine-rest/engine/default/task/1/claim} and
   * {@code /camunda/api/engine/engine/default/task/1/claim} all give {@code /task/1/claim}; the engine list
   * ({@code /engine-rest/engine}) gives {@code /engine}.
   */
  public static Optional<String> enginePath(String path, String webapps) {
    String rest;
    if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
      rest = path.substring("/engine-rest".length());
    } else if (path.startsWith(webapps + "/api/engine/") || path.equals(webapps + "/api/engine")) {
      rest = path.substring((webapps + "/api/engine").length());
    } else {
      return Optional.empty();
    }
    String[] segments = split(rest);
    if (segments.length >= 1 && "engine".equals(segments[0])) {
      if (segments.length <= 1) {
        return Optional.of("/engine");
      }
      // a named engine: /engine/{name}/...
      return Optional.of(join(segments, 2));
    }
    return Optional.of(join(segments, 0));
  }

  /**
   * May a user with these roles call the method on this engine path? The path is first resolved to the route
   * serving it ({@link EngineRouteCatalog}); a path no route serves is refused to everyone but administrators.
   */
  public static boolean allows(String method, String enginePath, Set<Role> roles, String userId) {
    if (roles.contains(Role.ADMIN)) {
      return true;
    }
    String m = method.toUpperCase(Locale.ROOT);
    Optional<EngineRouteCatalog.Route> route = "OPTIONS".equals(m) ? Optional.empty()
        : EngineRouteCatalog.resolve(m, enginePath);
    String[] segments = split(enginePath);
    for (Rule rule : RULES) {
      if (rule.methods().contains(m) && roles.stream().anyMatch(rule.roles()::contains)
          && (rule.template().equals("/**") || route.map(r -> sameTemplate(r.template(), rule.template()))
              .orElse(false))) {
        if (!rule.selfOnly() || rule.id(segments).filter(id -> id.equals(userId)).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The same template, whatever its variables are called. */
  static boolean sameTemplate(String a, String b) {
    return a.replaceAll("\\{[^}/]*}", "{}").equals(b.replaceAll("\\{[^}/]*}", "{}"));
  }

  static String[] split(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  private static String join(String[] segments, int from) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < segments.length; i++) {
      b.append('/').append(segments[i]);
    }
    return b.length() == 0 ? "/" : b.toString();
  }
}
