package vn.gov.sonla.tdkt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.support.PostgresAppTest;

/**
 * Two nodes of a cluster that start at once run the start-up identity set-up at once on one database. Here two
 * threads stand for them, on PostgreSQL, after an administrator added unit groups (which get their grants at the
 * next start) and with the Tasklist filters missing (as on a first start): the set-ups must follow each other, so
 * that neither fails on the other's rows and nothing is created twice.
 */
@PostgresAppTest
class IdentitySetupConcurrencyPostgresTest {

  @Autowired IdentitySetup identitySetup;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;

  @Test
  void twoNodesSettingUpAtOnceCreateEveryGroupGrantAndFilterOnce() throws Exception {
    List<String> newUnits = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      Group unit = identity.newGroup("unit-moi" + i);
      unit.setName("Đơn vị mới " + i);
      unit.setType(Groups.UNIT_TYPE);
      identity.saveGroup(unit);
      newUnits.add(unit.getId());
    }
    List<String> filterNames = filters.createFilterQuery().list().stream().map(Filter::getName).sorted().toList();
    filters.createFilterQuery().list().forEach(f -> filters.deleteFilter(f.getId()));

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<?>> runs = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      runs.add(nodes.submit(() -> {
        go.await();
        identitySetup.run(null);
        return null;
      }));
    }
    go.countDown();
    try {
      for (Future<?> run : runs) {
        run.get(5, TimeUnit.MINUTES);
      }
    } finally {
      nodes.shutdownNow();
    }

    List<Filter> after = filters.createFilterQuery().list();
    Map<String, Long> filtersByName = after.stream().collect(Collectors.groupingBy(Filter::getName,
        Collectors.counting()));
    assertThat(filtersByName.keySet()).containsExactlyInAnyOrderElementsOf(filterNames);
    assertThat(filtersByName.values()).as("copies of each filter").containsOnly(1L);
    Filter unitFilter = after.stream().filter(f -> f.getName().equals("Việc của đơn vị")).findFirst().orElseThrow();
    for (String unit : newUnits) {
      Authorization tasklist = authorizations.createAuthorizationQuery().groupIdIn(unit)
          .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
      assertThat(tasklist.isPermissionGranted(Permissions.ACCESS)).as("%s opens Tasklist", unit).isTrue();
      Authorization filter = authorizations.createAuthorizationQuery().groupIdIn(unit)
          .resourceType(Resources.FILTER).resourceId(unitFilter.getId()).singleResult();
      assertThat(filter.isPermissionGranted(Permissions.READ)).as("%s reads its filter", unit).isTrue();
    }
    assertThat(identity.createGroupQuery().list().stream().collect(Collectors.groupingBy(Group::getId,
        Collectors.counting())).values()).containsOnly(1L);
    assertThat(identity.createUserQuery().list().stream().map(u -> u.getId())
        .collect(Collectors.toMap(Function.identity(), u -> 1, Integer::sum)).values()).containsOnly(1);
  }
}
