package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sonla.tdkt.support.PostgresTestDatabase;

/**
 * Profile {@code postgres} as an operator starts it (only the profile, no test profile): on a fresh PostgreSQL
 * database, with the settings given under the environment variables' names that application.yaml reads
 * ({@code DB_URL}, {@code TDKT_ADMIN_PASSWORD}, {@code TDKT_CITIZEN_ID_KEY}), the only user is {@code admin}, with
 * that password, and none of the demo profile's users, units or passwords exists. (Without the password start-up
 * fails: {@link PostgresProfileWithoutAdminPasswordTest}.)
 */
@SpringBootTest(properties = {"TDKT_ADMIN_PASSWORD=fresh-admin-secret", "TDKT_CITIZEN_ID_KEY=postgres-profile-test-key",
    "DB_USER=postgres", "DB_PASSWORD=", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class PostgresProfileUsersTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("DB_URL", () -> PostgresTestDatabase.url("tdkt_pgprofile"));
  }

  @Autowired IdentityService identity;
  @Autowired Environment environment;

  @Test
  void onAFreshDatabaseTheOnlyUserIsTheAdministratorWithThePasswordFromTheEnvironment() {
    assertThat(environment.getActiveProfiles()).containsExactly("postgres");
    assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://");
    assertThat(environment.getProperty("tdkt.demo-data", Boolean.class)).isFalse();

    assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
    assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(Group::getId)
        .containsExactly(Groups.ADMIN);
    // no demo user, however it is looked up
    for (DemoDirectory.Person person : DemoDirectory.people()) {
      if (!person.id().equals("admin")) {
        assertThat(identity.createUserQuery().userId(person.id()).count()).as("demo user " + person.id()).isZero();
      }
    }
    assertThat(identity.createUserQuery().memberOfGroup(Groups.COUNCIL).count()).isZero();
    // nor the demo units (units are created in Admin)
    assertThat(identity.createGroupQuery().groupType(Groups.UNIT_TYPE).list()).isEmpty();
    assertThat(identity.createGroupQuery().list()).extracting(Group::getId).containsExactlyInAnyOrder(Groups.ADMIN,
        Groups.MONITORING, Groups.HOME_AFFAIRS, Groups.COUNCIL, Groups.CHAIRMAN, Groups.CLERK, Groups.AUDITORS);

    // the right password first: a wrong one locks the user for a few seconds (ENGINE-27001)
    assertThat(identity.checkPassword("admin", "fresh-admin-secret")).isTrue();
    assertThat(identity.checkPassword("admin", "demo")).as("the demo password").isFalse();
  }

  @Test
  void theDemoProfileIsNotActive() {
    assertThat(environment.matchesProfiles("demo")).isFalse();
    assertThat(List.of(environment.getActiveProfiles())).doesNotContain("demo", "test");
  }
}
