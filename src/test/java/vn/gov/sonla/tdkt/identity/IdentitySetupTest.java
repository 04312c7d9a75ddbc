package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.support.AppTest;

/** Groups, demo users, authorizations and Tasklist filters created at start-up, idempotently. */
@AppTest
class IdentitySetupTest {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired IdentitySetup identitySetup;

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private List<String> filtersVisibleTo(String userId) {
    List<String> groups = groupsOf(userId);
    identityService.setAuthentication(userId, groups);
    try {
      return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void workflowAdminAndUnitGroupsExistAfterStartUp() {
    List<String> ids = identityService.createGroupQuery().list().stream().map(Group::getId).toList();
    assertThat(ids).contains("home-affairs", "council", "chairman", "auditors", "camunda-admin",
        "unit-sgddt", "unit-syt", "unit-ptohieu", "unit-vpubnd");
  }

  @Test
  void unitGroupsHaveTheUnitType() {
    List<String> units = identityService.createGroupQuery().groupType(Groups.UNIT_TYPE).list().stream()
        .map(Group::getId).toList();
    assertThat(units).containsExactlyInAnyOrder("unit-sgddt", "unit-syt", "unit-ptohieu", "unit-vpubnd");
  }

  @Test
  void demoUsersBelongToExactlyTheirGroups() {
    assertThat(groupsOf("admin")).containsExactly("camunda-admin");
    assertThat(groupsOf("appraiser")).containsExactly("home-affairs");
    assertThat(groupsOf("appraiser.lead")).containsExactly("home-affairs");
    assertThat(groupsOf("chairman")).containsExactly("chairman");
    assertThat(groupsOf("auditor")).containsExactly("auditors");
    assertThat(groupsOf("officer.sgddt")).containsExactly("unit-sgddt");
    assertThat(groupsOf("officer.syt")).containsExactly("unit-syt");
    assertThat(groupsOf("officer.ptohieu")).containsExactly("unit-ptohieu");
    assertThat(groupsOf("officer.vpubnd")).containsExactly("unit-vpubnd");
  }

  @Test
  void nineCouncilMembersAreInTheCouncilOnly() {
    List<String> members = identityService.createUserQuery().memberOfGroup("council").list().stream()
        .map(User::getId).toList();
    assertThat(members).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 9).mapToObj(i -> "council" + i).toList());
    for (int i = 1; i <= 9; i++) {
      assertThat(groupsOf("council" + i)).as("groups of council%d", i).containsExactly("council");
    }
  }

  @Test
  void demoUsersLogInWithPasswordDemo() {
    assertThat(identityService.checkPassword("appraiser", "demo")).isTrue();
    assertThat(identityService.checkPassword("officer.sgddt", "demo")).isTrue();
    // (a wrong password for a real user would lock it for a few seconds and upset later tests)
    assertThat(identityService.checkPassword("no.such.user", "demo")).isFalse();
  }

  @Test
  void runningTheSetupAgainCreatesNothingNew() {
    Snapshot before = snapshot();
    assertThat(before.users()).isGreaterThan(0);
    assertThat(before.authorizations()).isGreaterThan(0);
    assertThat(before.filters()).isEqualTo(8); // the eight Tasklist filters of IdentitySetup, the clerk's "Cấp số quyết định" included

    identitySetup.run(null);
    identitySetup.run(null);

    assertThat(snapshot()).isEqualTo(before);
  }

  private record Snapshot(long users, long groups, Map<String, List<String>> memberships, long authorizations,
      long filters) {}

  private Snapshot snapshot() {
    Map<String, List<String>> memberships = new TreeMap<>();
    for (User user : identityService.createUserQuery().list()) {
      memberships.put(user.getId(), groupsOf(user.getId()).stream().sorted().toList());
    }
    return new Snapshot(identityService.createUserQuery().count(), identityService.createGroupQuery().count(),
        memberships, authorizationService.createAuthorizationQuery().count(),
        filterService.createFilterQuery().count());
  }

  @Test
  void appraiserReadsTheAppraisalQueueAndOwnTasks() {
    assertThat(filtersVisibleTo("appraiser")).containsExactlyInAnyOrder("Hồ sơ chờ thẩm định", "Việc của Sở Nội vụ",
        "Việc của tôi", "Phiên họp Hội đồng");
  }

  @Test
  void unitOfficerReadsTheUnitFilterButNotTheAppraisalQueue() {
    assertThat(filtersVisibleTo("officer.sgddt"))
        .contains("Việc của đơn vị", "Việc của tôi")
        .doesNotContain("Hồ sơ chờ thẩm định", "Chờ quyết định khen thưởng");
  }

  @Test
  void chairmanReadsTheDecisionQueue() {
    assertThat(filtersVisibleTo("chairman"))
        .contains("Chờ quyết định khen thưởng", "Việc của tôi")
        .doesNotContain("Hồ sơ chờ thẩm định", "Việc của đơn vị");
  }

  @Test
  void councilMemberSeesOwnTasksAndBallotsAndAuditorOnlyOwnTasks() {
    assertThat(filtersVisibleTo("council1")).containsExactlyInAnyOrder("Việc của tôi", "Phiếu biểu quyết");
    assertThat(filtersVisibleTo("auditor")).containsExactly("Việc của tôi");
  }

  @Test
  void authenticationIsClearedAfterReadingFilters() {
    filtersVisibleTo("appraiser");
    assertThat(identityService.getCurrentAuthentication()).isNull();
  }
}
