package vn.gov.sonla.tdkt.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The plan parser and units as configured in application.yaml, without a Spring context. */
final class PlanFixtures {

  private PlanFixtures() {}

  /** {@code tdkt.plan} of the first document of application.yaml (the default settings). */
  static PlanProperties properties() {
    try {
      PropertySource<?> defaults =
          new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml")).get(0);
      return new Binder(ConfigurationPropertySources.from(defaults)).bind("tdkt.plan", PlanProperties.class)
          .orElseThrow(() -> new AssertionError("no tdkt.plan in application.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PlanUnits units() {
    return new PlanUnits(properties());
  }

  static PlanParser parser() {
    return new PlanParser(units());
  }

  static Plan plan2025() {
    try (InputStream in = new ClassPathResource("plans/plan-2025.yaml").getInputStream()) {
      return parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
