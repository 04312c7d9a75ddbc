package vn.gov.sonla.tdkt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on H2 (profile {@code test}, random port, metrics exported as in production): the one
 * Spring context shared by every full-application test on H2 (docs/testing.md, docs/adr/0008). Tests isolate their
 * data by dossier code, year, unit or user instead of restarting the context; they must not add properties, mocks
 * or {@code @DirtiesContext}, which would start another context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Spring Boot tests replace the exporting registries by a simple one unless asked: /actuator/prometheus as in production
@AutoConfigureObservability(tracing = false)
public @interface AppTest {}
