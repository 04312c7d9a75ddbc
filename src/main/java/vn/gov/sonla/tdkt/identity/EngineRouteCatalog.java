package vn.gov.sonla.tdkt.identity;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;

/**
 * Every route of camunda-engine-rest-core, read from its JAX-RS annotations (root resources, their methods, and the
 * sub-resources their locators return, recursively), as engine paths ({@code /task/{id}/claim}); and the route a
 * concrete path is served by, preferring literal segments to template variables as JAX-RS does (so
 * {@code /process-definition/statistics} is not {@code /process-definition/{id}}).
 */
public final class EngineRouteCatalog {

  /** One route: HTTP method and path template, variables written {@code {}}-style as in the resources. */
  public record Route(String method, String template) {
    String[] segments() {
      return EngineRoutes.split(template);
    }
  }

  private static final List<Route> ROUTES = enumerate();

  private EngineRouteCatalog() {}

  public static List<Route> routes() {
    return ROUTES;
  }

  /** The route serving a method and engine path, if any (HEAD is served by GET). */
  public static Optional<Route> resolve(String method, String enginePath) {
    String m = "HEAD".equals(method) ? "GET" : method;
    String[] segments = EngineRoutes.split(enginePath);
    return ROUTES.stream().filter(r -> r.method().equals(m)).filter(r -> matches(r.segments(), segments))
        .max(Comparator.comparing(r -> literalMask(r.segments())));
  }

  static boolean matches(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      if (!isVariable(template[i]) && !template[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  static boolean isVariable(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /** "1" for a literal, "0" for a variable, left to right: the larger string is the more specific route. */
  private static String literalMask(String[] segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      b.append(isVariable(s) ? '0' : '1');
    }
    return b.toString();
  }

  private static List<Route> enumerate() {
    Set<Route> routes = new LinkedHashSet<>();
    // the named-engine root's own methods (the engine list); its locators repeat the default root's resources
    collect(NamedProcessEngineRestServiceImpl.class, "/engine", routes, 0, false);
    collect(DefaultProcessEngineRestServiceImpl.class, "", routes, 0, true);
    List<Route> list = new ArrayList<>(routes);
    list.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
    return List.copyOf(list);
  }

  private static void collect(Class<?> type, String prefix, Set<Route> routes, int depth, boolean followLocators) {
    if (depth > 8) {
      return;
    }
    for (Method method : type.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.isBridge()) {
        continue;
      }
      Path path = annotation(type, method, Path.class);
      String httpMethod = httpMethod(type, method);
      String template = normalise(prefix + (path == null ? "" : "/" + path.value()));
      if (httpMethod != null) {
        routes.add(new Route(httpMethod, template));
      } else if (path != null && followLocators) {
        Class<?> returned = method.getReturnType();
        if (returned != Object.class && returned != void.class && !returned.isPrimitive()) {
          collect(returned, template, routes, depth + 1, true);
        }
      }
    }
  }

  private static String normalise(String template) {
    String[] segments = EngineRoutes.split(template);
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      // {id: regex} -> {id}
      b.append('/').append(s.contains(":") && s.startsWith("{") ? s.substring(0, s.indexOf(':')).strip() + "}" : s);
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  private static String httpMethod(Class<?> type, Method method) {
    for (Method candidate : declarations(type, method)) {
      for (Annotation a : candidate.getAnnotations()) {
        HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
        if (http != null) {
          return http.value();
        }
      }
    }
    return null;
  }

  private static <A extends Annotation> A annotation(Class<?> type, Method method, Class<A> annotation) {
    for (Method candidate : declarations(type, method)) {
      A found = candidate.getAnnotation(annotation);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The method and the methods it implements or overrides (JAX-RS annotations are inherited from them). */
  private static List<Method> declarations(Class<?> type, Method method) {
    List<Method> found = new ArrayList<>();
    found.add(method);
    Set<Class<?>> seen = new LinkedHashSet<>();
    List<Class<?>> queue = new ArrayList<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      Class<?> c = queue.remove(0);
      if (c == null || c == Object.class || !seen.add(c)) {
        continue;
      }
      try {
        found.add(c.getDeclaredMethod(method.getName(), method.getParameterTypes()));
      } catch (NoSuchMethodException e) {
        // not declared here
      }
      queue.add(c.getSuperclass());
      queue.addAll(List.of(c.getInterfaces()));
    }
    return found;
  }
}
