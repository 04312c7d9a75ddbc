package vn.gov.sonla.tdkt.award;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The register scenarios on the embedded H2 database. */
// one process engine per JVM at a time: the engine REST API and the webapps find it in a static registry
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegisterApiH2Test extends RegisterApiScenarios {}
