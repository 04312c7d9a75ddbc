package vn.gov.sonla.tdkt.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Who may call what. The project's API and pages use HTTP Basic against the Camunda users; the
 * engine REST API uses Camunda's own HTTP Basic filter; the webapps (Tasklist, Cockpit, Admin)
 * keep their own login. Everything but health and the webapps' login page needs a signed-in user.
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain projectApi(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService, CurrentUserProvider currentUser) throws Exception {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("TDKT Son La");
    http.securityMatcher("/api/**", "/v3/api-docs/**", "/dossiers/**", "/plans/**", "/reports/**",
            "/awards/**")
        .authenticationProvider(provider)
        .authorizeHttpRequests(a -> a
            // the public notice and objections need no login (objections are rate-limited)
            .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/public/**").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/objections").permitAll()
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless HTTP Basic: no session cookie to forge requests with
        .csrf(c -> c.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identityService, currentUser), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    // Webapps and engine REST have their own authentication (below and in Camunda's webapp filters).
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health/**", "/actuator/info", "/camunda/**", "/engine-rest/**",
                "/", "/error", "/favicon.ico", "/public/**")
            .permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .csrf(c -> c.disable())
        .httpBasic(withDefaults());
    return http.build();
  }

  /** Engine REST: HTTP Basic against the Camunda users; anonymous calls get 401. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
