package vn.gov.sonla.tdkt.bloc;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Issue 9 acceptance on the embedded H2 database. */
// one process engine per JVM at a time: the engine REST API and the webapps find it in a static registry
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tdkt.test.context=bloc-api")
@ActiveProfiles("test")
class BlocYearAcceptanceTest extends BlocYearScenarios {}
