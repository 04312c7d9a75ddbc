package vn.gov.sonla.tdkt.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine's HTTP API for people: the route allow-list ({@link EngineRouteFilter}) on {@code /engine-rest} and on
 * the webapps' engine API, and the project's refusals as 400 problem details on the webapps' engine API too.
 */
@Configuration
public class EngineAccessConfig {

  private static final Logger LOG = LoggerFactory.getLogger(EngineAccessConfig.class);
  /** The servlet of the webapps' engine API (camunda-bpm-spring-boot-starter-webapp's CamundaBpmWebappInitializer). */
  static final String WEBAPP_ENGINE_SERVLET = "Engine Api";

  @Bean
  FilterRegistrationBean<EngineRouteFilter> engineRouteFilter(ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<EngineRouteFilter> registration =
        new FilterRegistrationBean<>(new EngineRouteFilter(json, webapps));
    registration.setName("engine-route-allow-list");
    registration.addUrlPatterns("/engine-rest/*", webapps + "/api/engine/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    // after Spring Security (the user is known), before the engine authentication filters
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * The webapps' engine API with the refusal mappers: registered before the webapp starter's initializer (which
   * leaves a servlet of the same name alone) as the same Jersey servlet, with {@link WebappEngineApplication}.
   */
  @Bean
  ServletContextInitializer webappEngineRefusals(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    return new WebappEngineApi(webapps);
  }

  static final class WebappEngineApi implements ServletContextInitializer, Ordered {
    private final String webapps;

    WebappEngineApi(String webapps) {
      this.webapps = webapps;
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onStartup(jakarta.servlet.ServletContext context) {
      ServletRegistration servlet = context.getServletRegistration(WEBAPP_ENGINE_SERVLET);
      if (servlet != null) {
        LOG.warn("Servlet '{}' registered before the project's: its refusals keep Camunda's answer (500)",
            WEBAPP_ENGINE_SERVLET);
        return;
      }
      ServletRegistration.Dynamic added = context.addServlet(WEBAPP_ENGINE_SERVLET,
          org.glassfish.jersey.servlet.ServletContainer.class);
      added.addMapping(webapps + "/api/engine/*");
      added.setInitParameter("jakarta.ws.rs.Application", WebappEngineApplication.class.getName());
    }
  }

  /** Camunda's webapp engine API application, plus the project's refusal mappers. */
  public static class WebappEngineApplication extends org.camunda.bpm.webapp.impl.engine.EngineRestApplication {
    @Override
    public java.util.Set<Class<?>> getClasses() {
      java.util.Set<Class<?>> classes = new java.util.HashSet<>(super.getClasses());
      classes.add(EngineRefusals.RestExceptionMapper.class);
      classes.add(EngineRefusals.ProcessEngineExceptionMapper.class);
      return classes;
    }
  }
}
