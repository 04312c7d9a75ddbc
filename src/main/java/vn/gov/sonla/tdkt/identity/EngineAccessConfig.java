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
import org.springframework.core.annotation.Order;

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

  /** Adds the refusal mappers to the webapps' engine API (a Jersey servlet configured by init parameters). */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ServletContextInitializer webappEngineRefusals() {
    return context -> {
      ServletRegistration servlet = context.getServletRegistration(WEBAPP_ENGINE_SERVLET);
      if (servlet == null) {
        LOG.warn("No servlet '{}': the webapps' engine API answers the project's refusals as Camunda does",
            WEBAPP_ENGINE_SERVLET);
        return;
      }
      servlet.setInitParameter("jersey.config.server.provider.classnames",
          EngineRefusals.RestExceptionMapper.class.getName() + ","
              + EngineRefusals.ProcessEngineExceptionMapper.class.getName());
    };
  }
}
