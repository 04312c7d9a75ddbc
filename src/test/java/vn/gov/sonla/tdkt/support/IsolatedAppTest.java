package vn.gov.sonla.tdkt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on H2 with low abuse limits (3 failed logins per user name, 3 objections per client address and
 * hour), shared by the tests that prove those limits. A separate context because in {@link AppTest}'s all tests share
 * one client address (127.0.0.1) and their attempts would add up (application-test.yaml raises the per-address
 * limits there).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tdkt.login.max-failures=3", "tdkt.login.max-failures-per-address=1000", "tdkt.objections.per-hour=3"})
@ActiveProfiles("test")
public @interface LimitsAppTest {}
