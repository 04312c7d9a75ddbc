package vn.gov.sonla.tdkt.workspace;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Short addresses of the project's sections: {@code /plans/}, {@code /reports/}, {@code /blocs/},
 * {@code /notifications/}, {@code /awards/}, {@code /council/}, {@code /legal/}, {@code /calendar/}, {@code /unit-tasks/} open the section's first page, and the address without its final
 * slash redirects to it ({@code /dossiers/} is {@code DossierPages}).
 */
@Configuration
public class WorkspacePages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    section(registry, "plans", "index.html");
    section(registry, "reports", "index.html");
    section(registry, "council", "index.html");
    section(registry, "blocs", "index.html");
    section(registry, "notifications", "index.html");
    section(registry, "awards", "subjects.html");
    section(registry, "legal", "index.html");
    section(registry, "calendar", "index.html");
    section(registry, "unit-tasks", "index.html");
  }

  private static void section(ViewControllerRegistry registry, String name, String page) {
    registry.addViewController("/" + name).setViewName("redirect:/" + name + "/");
    registry.addViewController("/" + name + "/").setViewName("forward:/" + name + "/" + page);
  }
}
