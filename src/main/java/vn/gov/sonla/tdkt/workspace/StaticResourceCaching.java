package vn.gov.sonla.tdkt.workspace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser may keep the static files of the pages and the webapps (issue 17, speed a person feels).
 * Without this every response carried Spring Security's {@code no-store}, so each Tasklist visit downloaded
 * Camunda's 4.3 MB of scripts again.
 * <ul>
 * <li>Camunda's own files asked for with their version ({@code ?bust=7.24.0} on {@code /lib/…} and the apps'
 * {@code camunda-*-bootstrap.js|css}): kept a year ({@code immutable}); a Camunda upgrade changes the version and
 * so the address.</li>
 * <li>Every other static file (the project's pages' scripts and styles, the webapps' translations, configuration
 * and fonts): {@code no-cache} — the browser keeps it but asks each time, and the answer is 304 without a body
 * while the file is unchanged, so a new release is seen at once.</li>
 * <li>Everything else (pages built per request, API answers, files under an API) is left to Spring Security:
 * {@code no-store}.</li>
 * </ul>
 * {@code private} in both cases: the files sit behind the login, so shared caches must not keep them.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceCaching {

  static final String VERSIONED = "private, max-age=31536000, immutable";
  static final String REVALIDATED = "no-cache, private";

  private static final Set<String> STATIC_EXTENSIONS = Set.of("js", "css", "map", "woff", "woff2", "ttf", "eot",
      "svg", "png", "jpg", "jpeg", "gif", "ico");

  @Bean
  FilterRegistrationBean<CacheHeaders> staticResourceCacheHeaders(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<CacheHeaders> registration = new FilterRegistrationBean<>(new CacheHeaders(webapps));
    registration.setName("static-resource-cache-headers");
    // before Spring Security's filter chain, whose header writer keeps a Cache-Control set before it
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Sets Cache-Control on static files before they are served. */
  static final class CacheHeaders extends OncePerRequestFilter {

    private final String webapps;
    private final Pattern versionedFile;

    CacheHeaders(String webapps) {
      this.webapps = webapps;
      this.versionedFile = Pattern.compile(Pattern.quote(webapps)
          + "/(lib/[^?]+|app/[a-z]+/camunda-[a-z]+-bootstrap\\.(js|css))");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String method = request.getMethod();
      if ("GET".equals(method) || "HEAD".equals(method)) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isStaticFile(path)) {
          boolean versioned = request.getParameter("bust") != null && versionedFile.matcher(path).matches();
          response.setHeader("Cache-Control", versioned ? VERSIONED : REVALIDATED);
        }
      }
      chain.doFilter(request, response);
    }

    private boolean isStaticFile(String path) {
      if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith(webapps + "/api/")
          || path.startsWith("/actuator/")) {
        return false;
      }
      int dot = path.lastIndexOf('.');
      if (dot < 0 || dot < path.lastIndexOf('/')) {
        return false;
      }
      String extension = path.substring(dot + 1).toLowerCase(Locale.ROOT);
      // the webapps' translations are files; the project's JSON comes from its API only
      return STATIC_EXTENSIONS.contains(extension)
          || ("json".equals(extension) && path.startsWith(webapps + "/app/") && path.contains("/locales/"));
    }
  }
}
