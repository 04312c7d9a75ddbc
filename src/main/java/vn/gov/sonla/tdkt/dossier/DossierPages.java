package vn.gov.sonla.tdkt.dossier;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The officers' pages (static, under /dossiers/) open at /dossiers/. */
@Configuration
public class DossierPages implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/dossiers").setViewName("redirect:/dossiers/");
    registry.addViewController("/dossiers/").setViewName("forward:/dossiers/index.html");
  }
}
