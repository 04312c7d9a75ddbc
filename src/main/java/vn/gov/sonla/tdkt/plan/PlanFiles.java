package vn.gov.sonla.tdkt.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The plan files deployed with the application: {@code plans/plan-YYYY.yaml} on the classpath. */
@Component
public class PlanFiles {

  public Optional<String> deployed(int year) {
    ClassPathResource resource = new ClassPathResource("plans/plan-" + year + ".yaml");
    if (!resource.exists()) {
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
