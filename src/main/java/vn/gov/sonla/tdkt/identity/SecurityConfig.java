package vn.gov.sonla.tdkt.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * One login for everything a person uses: the project's pages ({@code /dossiers/**}, {@code /plans/**},
 * {@code /reports/**} and any page added later), the project's API from those pages, and Camunda
 * Tasklist, Cockpit, Admin and Welcome, which take the user from the same session through Camunda's
 * container-based authentication. Logging out on any of them ends the session for all.
 *
 * <ul>
 *   <li>Browsers: form login at {@code /login} (Vietnamese), an HTTP session whose cookie is HttpOnly,
 *       SameSite=Lax and Secure over TLS, CSRF tokens on every changing request (the project's pages send
 *       {@code X-CSRF-TOKEN} from {@code GET /api/session}; the webapps keep their own X-XSRF-TOKEN
 *       filter under {@code /camunda/**}).</li>
 *   <li>API clients and scripts: HTTP Basic on {@code /api/**} and {@code /engine-rest/**} (stateless,
 *       no session, no CSRF: a request carrying its own credentials cannot be forged by another site, and
 *       browsers are never sent a Basic challenge, so they never replay cached credentials).</li>
 *   <li>Every login (form or Basic) goes through {@link LoginRateLimiter}.</li>
 *   <li>Everything needs a login except the list below; a new page path is protected without a change here.</li>
 * </ul>
 */
@Configuration
public class SecurityConfig {

  /**
   * Open to everyone: login page and its assets, public notice (and its stylesheet) and objections, health (its status only; the
   * components and details are shown to administrators, {@code management.endpoint.health.show-details}).
   */
  static final String[] PUBLIC_PATHS = {LoginPage.PATH, "/brand/**", "/public/**", "/actuator/health/**",
      "/actuator/info", "/error", "/favicon.ico",
      // the stylesheet the public notice shares with the officers' pages (no data in it)
      "/dossiers/app.css"};

  /**
   * Content-Security-Policy of the project's pages and API answers: scripts and styles from the application only
   * (inline style attributes allowed), no plugins, no framing by other sites.
   */
  static final String PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  /** Engine REST API: HTTP Basic only, stateless, through the login rate limit. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, ObjectMapper json) throws Exception {
    LoginEntryPoint entryPoint = new LoginEntryPoint(json, false);
    // the provider is the application's only AuthenticationProvider bean: Spring Boot makes it the global
    // one, which every chain uses (adding it per chain as well would check each failure twice)
    http.securityMatcher("/engine-rest/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint)
            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(c -> c.disable())
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain application(HttpSecurity http, IdentityService identityService, CurrentUserProvider currentUser, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) throws Exception {
    LoginEntryPoint entryPoint = new LoginEntryPoint(json, true);
    HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    // after the login, back to the page the person was opening (never to a script's API call)
    requestCache.setRequestMatcher(Clients::isPageNavigation);
    requestCache.setMatchingRequestParameterName(null);

    Map<Class<? extends AuthenticationException>, AuthenticationFailureHandler> failures = new LinkedHashMap<>();
    failures.put(LoginRateLimitedException.class, new SimpleUrlAuthenticationFailureHandler(LoginPage.PATH + "?locked"));
    SimpleUrlAuthenticationFailureHandler badCredentials = new SimpleUrlAuthenticationFailureHandler(
        LoginPage.PATH + "?error");
    SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    success.setRequestCache(requestCache);
    success.setDefaultTargetUrl("/");

    http.authorizeHttpRequests(a -> a
            .requestMatchers(PUBLIC_PATHS).permitAll()
            // the public notice and objections need no login (objections are rate-limited)
            .requestMatchers(HttpMethod.GET, "/api/public/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/objections").permitAll()
            // the metrics: a Prometheus server's account in group monitoring (HTTP Basic), or an administrator
            .requestMatchers("/actuator/prometheus").hasAnyAuthority(
                CurrentUserProvider.GROUP_AUTHORITY_PREFIX + Groups.MONITORING,
                CurrentUserProvider.GROUP_AUTHORITY_PREFIX + Groups.ADMIN)
            // Swagger UI (the API contract to try out) for administrators; the document /v3/api-docs for any login
            .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/swagger-config").hasAuthority(
                CurrentUserProvider.GROUP_AUTHORITY_PREFIX + Groups.ADMIN)
            // the webapps' own password login would bypass this one (and its rate limit)
            .requestMatchers(webapps + "/api/admin/auth/user/*/login/**").denyAll()
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage(LoginPage.PATH).loginProcessingUrl(LoginPage.PATH)
            .successHandler(success)
            .failureHandler(new DelegatingAuthenticationFailureHandler(new LinkedHashMap<>(failures), badCredentials))
            .permitAll())
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint)
            // a Basic request stays stateless: it never creates or joins a session
            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl(LoginPage.PATH + "?logout")
            .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .requestCache(c -> c.requestCache(requestCache))
        .csrf(c -> c
            // a changing request that could ride on a session cookie, and every login and logout (against
            // login CSRF); a request without a session and without credentials is simply not logged in (401)
            .requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && (request.getRequestedSessionId() != null || request.getServletPath().equals(LoginPage.PATH)
                    || request.getServletPath().equals("/logout")))
            // the webapps check their own X-XSRF-TOKEN (Camunda's CsrfPreventionFilter)
            .ignoringRequestMatchers(webapps + "/**")
            // API clients authenticating by HTTP Basic without a session cookie, and the anonymous public
            // objection form; a session request with any Authorization header is checked (issue 15, finding 14)
            .ignoringRequestMatchers(Clients::authenticatesByBasicWithoutSession)
            .ignoringRequestMatchers("/api/objections"))
        .headers(h -> h.frameOptions(f -> f.sameOrigin())
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            // the project's pages only: the webapps send their own CSP (Camunda's HeaderSecurityFilter)
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                request -> !request.getRequestURI().startsWith(request.getContextPath() + webapps + "/"),
                new StaticHeadersWriter("Content-Security-Policy", PAGES_CSP))))
        .addFilterBefore(new WebappCsrfGuard(webapps), CsrfFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService, currentUser, webapps),
            AuthorizationFilter.class);
    return http.build();
  }

  /**
   * Tasklist, Cockpit, Admin and Welcome: Camunda's container-based authentication, after Spring Security
   * (so the session's user is known) and before the webapps' own authentication filter.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("webapp-container-based-authentication");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        WebappAuthenticationProvider.class.getName()));
    registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Logging out of a webapp ends the session of the project's pages too. */
  @Bean
  FilterRegistrationBean<WebappLogoutFilter> webappLogout(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<WebappLogoutFilter> registration = new FilterRegistrationBean<>(new WebappLogoutFilter());
    registration.setName("webapp-logout-ends-session");
    registration.addUrlPatterns(webapps + "/api/admin/auth/user/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  /**
   * Engine REST: the user Spring Security authenticated (HTTP Basic above) becomes the engine's
   * authentication, with the user's groups, so authorization checks apply; anonymous calls never get here.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
