package vn.gov.sonla.tdkt.observability;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.gov.sonla.tdkt.observability.RequestLogContextFilter.Stage;

/** The request's logging context (request id, user, dossier) around Spring Security's filter chain. */
@Configuration
public class LoggingConfig {

  @Bean
  FilterRegistrationBean<RequestLogContextFilter> requestLogContext() {
    FilterRegistrationBean<RequestLogContextFilter> registration =
        new FilterRegistrationBean<>(new RequestLogContextFilter(Stage.REQUEST));
    registration.setName("request-log-context");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestLogContextFilter> userLogContext() {
    FilterRegistrationBean<RequestLogContextFilter> registration =
        new FilterRegistrationBean<>(new RequestLogContextFilter(Stage.USER));
    registration.setName("user-log-context");
    // right after Spring Security, which has made the user known
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    return registration;
  }
}
