package vn.gov.sonla.tdkt.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.engine.EngineUser;

/**
 * Creates at start-up, idempotently, the groups of design.md, their authorizations and Tasklist
 * filters; in the demo profile also the demo units and users; otherwise the administrator with
 * the password from the environment. Safe when several nodes of a cluster start at once.
 */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  private static final String DOSSIER_PROCESS = "commendation-dossier";
  private static final String COUNCIL_PROCESS = "council-session";
  private static final String BATCH_PROCESS = "decision-batch";

  private static final Map<String, String> WORKFLOW_GROUPS = Map.of(
      Groups.HOME_AFFAIRS, "Sở Nội vụ - Phòng Thi đua, Khen thưởng",
      Groups.COUNCIL, "Hội đồng Thi đua - Khen thưởng tỉnh",
      Groups.CHAIRMAN, "Chủ tịch UBND tỉnh",
      Groups.AUDITORS, "Thanh tra, kiểm tra",
      Groups.CLERK, "Văn thư Văn phòng UBND tỉnh");

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityProperties properties;
  private final StartupLock startupLock;

  public IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, IdentityProperties properties, StartupLock startupLock) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.properties = properties;
    this.startupLock = startupLock;
  }

  /**
   * One transaction, under a cluster-wide lock: nodes that start at once set up one after the other, and a failed
   * set-up leaves nothing half done.
   */
  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    startupLock.acquire("identity-setup");
    new Run().execute();
  }

  /**
   * One set-up: what exists is read in a few queries up front (every group; the users and memberships it needs;
   * the grants per resource type and id, each read once), then only what is missing is written. The earlier
   * version asked the database once per group, user, membership and grant, about 400 queries with 50 unit groups,
   * which every start paid although a set-up database needs none of them.
   */
  private final class Run {

    private final Set<String> groupIds = new HashSet<>();
    /** Grants read so far, by resource type and id, then by group. */
    private final Map<String, Map<String, Authorization>> grants = new HashMap<>();
    /** Grants this set-up saved (resource type, id, group): read again from the database if granted again. */
    private final Set<String> written = new HashSet<>();

    void execute() {
      identity.createGroupQuery().list().forEach(g -> groupIds.add(g.getId()));
      ensureGroup(Groups.ADMIN, "Quản trị hệ thống", "SYSTEM");
      ensureGroup(Groups.MONITORING, "Giám sát hệ thống", "SYSTEM");
      WORKFLOW_GROUPS.forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
      if (properties.demoData()) {
        DemoDirectory.UNITS.forEach(u -> ensureGroup(Groups.unit(u.code()), u.name(), Groups.UNIT_TYPE));
        ensureUsers(DemoDirectory.people().stream()
            .map(p -> new NewUser(p.id(), p.firstName(), p.lastName(), "demo", p.groups())).toList());
      } else {
        ensureUsers(List.of(new NewUser(properties.admin().user(), "Quản trị", "Hệ thống", properties.admin().password(),
            List.of(Groups.ADMIN))));
      }
      grantAdministrators();
      grantWorkflowGroups();
      identity.createGroupQuery().groupType(Groups.UNIT_TYPE).list().forEach(this::grantUnit);
      ensureFilters();
      LOG.info("Identity ready: groups, authorizations and Tasklist filters are in place");
    }

    private void ensureGroup(String id, String name, String type) {
      if (groupIds.contains(id)) {
        return;
      }
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      groupIds.add(id);
    }

    /** Creates the users that do not exist (the password only then) and the memberships they lack. */
    private void ensureUsers(List<NewUser> users) {
      String[] ids = users.stream().map(NewUser::id).toArray(String[]::new);
      Map<String, User> existing = new HashMap<>();
      identity.createUserQuery().userIdIn(ids).list().forEach(u -> existing.put(u.getId(), u));
      // memberships of these users, one query per group they belong to
      Set<String> memberships = new HashSet<>();
      users.stream().flatMap(u -> u.groups().stream()).distinct().forEach(group -> identity.createUserQuery()
          .memberOfGroup(group).userIdIn(ids).list().forEach(u -> memberships.add(u.getId() + "\n" + group)));
      for (NewUser u : users) {
        User present = existing.get(u.id());
        if (present == null) {
          User user = identity.newUser(u.id());
          user.setFirstName(u.firstName());
          user.setLastName(u.lastName());
          user.setPassword(u.password());
          user.setEmail(u.id() + "@sonla.gov.vn");
          // the password policy (enable-password-policy) is for users created in Admin and the API; these come
          // from the set-up: the demo users ("demo") and the administrator with the operator's password
          EngineUser.saveWithoutPasswordPolicy(identity, user);
        } else if (properties.demoData() && (!u.firstName().equals(present.getFirstName())
            || !u.lastName().equals(present.getLastName()))) {
          // demo users of an older version stored the given name in firstName (PersonName): put them right
          present.setFirstName(u.firstName());
          present.setLastName(u.lastName());
          identity.saveUser(present);
        }
        for (String group : u.groups()) {
          if (memberships.add(u.id() + "\n" + group)) {
            identity.createMembership(u.id(), group);
          }
        }
      }
    }

    private void grantAdministrators() {
      for (Resource resource : Resources.values()) {
        grant(Groups.ADMIN, resource, "*", Permissions.ALL);
      }
    }

    private void grantWorkflowGroups() {
      for (String group : List.of(Groups.HOME_AFFAIRS, Groups.COUNCIL, Groups.CHAIRMAN, Groups.AUDITORS,
          Groups.CLERK)) {
        grantTasklistUser(group);
      }
      grant(Groups.HOME_AFFAIRS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      grant(Groups.HOME_AFFAIRS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      grant(Groups.HOME_AFFAIRS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
      // Home Affairs opens council sessions through the project's API, which starts them as the system; members
      // work their own ballot task as its assignee. No process starts for people (grants of earlier versions go).
      grant(Groups.HOME_AFFAIRS, Resources.PROCESS_DEFINITION, COUNCIL_PROCESS, ProcessDefinitionPermissions.READ);
      revoke(Groups.HOME_AFFAIRS, Resources.PROCESS_DEFINITION, COUNCIL_PROCESS,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      revoke(Groups.HOME_AFFAIRS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      // the Chairman's Tasklist shows each decision's dossier (code, subject, award, unit: the filter's variables),
      // which Tasklist reads from the process instance
      grant(Groups.CHAIRMAN, Resources.PROCESS_DEFINITION, DOSSIER_PROCESS, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE);
      grant(Groups.CHAIRMAN, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      // the clerk works the numbering task of a decision (Tasklist, its candidate group's task); the form reads the
      // dossier's deployed form through the process definition
      grant(Groups.CLERK, Resources.PROCESS_DEFINITION, DOSSIER_PROCESS, ProcessDefinitionPermissions.READ);
      // the Chairman's batch task and the clerk's numbering task of a batch's decision (decision-batch) in Tasklist:
      // their forms are read through the process definition; nothing else of the batch reaches them
      grant(Groups.CHAIRMAN, Resources.PROCESS_DEFINITION, BATCH_PROCESS, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE);
      grant(Groups.CLERK, Resources.PROCESS_DEFINITION, BATCH_PROCESS, ProcessDefinitionPermissions.READ);
      // auditors read every definition, instance and history, and change nothing
      grant(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      grant(Groups.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      grant(Groups.AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(Groups.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    }

    /**
     * A unit's officers work their unit's tasks in Tasklist and see their unit's users only. Their dossiers are
     * started by the intake API as the system: no process start for the unit (grants of earlier versions go), and
     * READ on each of its own dossiers' process instances is granted when the dossier is submitted.
     */
    private void grantUnit(Group unit) {
      grant(unit.getId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(unit.getId(), Resources.GROUP, "*", Permissions.READ);
      revoke(unit.getId(), Resources.USER, "*", Permissions.READ);
      grant(unit.getId(), Resources.PROCESS_DEFINITION, DOSSIER_PROCESS, ProcessDefinitionPermissions.READ);
      revoke(unit.getId(), Resources.PROCESS_DEFINITION, DOSSIER_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE);
      revoke(unit.getId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      for (User member : identity.createUserQuery().memberOfGroup(unit.getId()).list()) {
        grant(unit.getId(), Resources.USER, member.getId(), Permissions.READ);
      }
    }

    private void grantTasklistUser(String group) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.USER, "*", Permissions.READ);
      grant(group, Resources.GROUP, "*", Permissions.READ);
    }

    /** Takes permissions away from a group's grant (an upgrade of a database set up by an earlier version). */
    private void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
      String key = resource.resourceType() + "\n" + resourceId;
      Authorization auth = written.contains(key + "\n" + group)
          ? authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
              .resourceType(resource).resourceId(resourceId).singleResult()
          : grants.computeIfAbsent(key, k -> {
            Map<String, Authorization> read = new HashMap<>();
            authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(resource)
                .resourceId(resourceId).list().stream().filter(a -> a.getGroupId() != null)
                .forEach(a -> read.put(a.getGroupId(), a));
            return read;
          }).get(group);
      if (auth == null || Arrays.stream(permissions).noneMatch(auth::isPermissionGranted)) {
        return;
      }
      for (Permission permission : permissions) {
        auth.removePermission(permission);
      }
      // (a grant left with no permission grants nothing)
      authorizations.saveAuthorization(auth);
      written.add(key + "\n" + group);
    }

    /** Grants the permissions, adding to an existing grant any it lacks (so upgrades reach old databases). */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
      String key = resource.resourceType() + "\n" + resourceId;
      Authorization auth;
      if (written.contains(key + "\n" + group)) {
        // written earlier in this set-up: read it back, with the revision the database gave it
        auth = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
            .resourceType(resource).resourceId(resourceId).singleResult();
      } else {
        auth = grants.computeIfAbsent(key, k -> {
          // every group's grant on this resource at once (the set-up grants the same resources to many groups)
          Map<String, Authorization> read = new HashMap<>();
          authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(resource)
              .resourceId(resourceId).list().stream().filter(a -> a.getGroupId() != null)
              .forEach(a -> read.put(a.getGroupId(), a));
          return read;
        }).get(group);
      }
      if (auth == null) {
        auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
      } else if (Arrays.stream(permissions).allMatch(auth::isPermissionGranted)) {
        return;
      }
      for (Permission permission : permissions) {
        auth.addPermission(permission);
      }
      authorizations.saveAuthorization(auth);
      written.add(key + "\n" + group);
    }

    private void ensureFilters() {
      List<String> everyone = new ArrayList<>(List.copyOf(WORKFLOW_GROUPS.keySet()));
      identity.createGroupQuery().groupType(Groups.UNIT_TYPE).list().forEach(g -> everyone.add(g.getId()));
      List<String> units = everyone.stream().filter(g -> g.startsWith(Groups.UNIT_PREFIX)).toList();

      ensureFilter("Việc của tôi", -10, "Các việc đã nhận xử lý",
          tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
      ensureFilter("Hồ sơ chờ thẩm định", 0, "Hồ sơ đề nghị khen thưởng chờ Sở Nội vụ thẩm định",
          tasks.createTaskQuery().taskCandidateGroup(Groups.HOME_AFFAIRS).includeAssignedTasks()
              .processDefinitionKey(DOSSIER_PROCESS),
          List.of(Groups.HOME_AFFAIRS));
      ensureFilter("Việc của Sở Nội vụ", 5, "Xác minh phản ánh, tờ trình cấp Nhà nước, đôn đốc kết quả",
          tasks.createTaskQuery().taskCandidateGroup(Groups.HOME_AFFAIRS).includeAssignedTasks()
              .taskDefinitionKeyIn("Task_VerifyObjection", "Task_VerifyConsultationObjection", "Task_FollowUpCentral",
                  "Task_PrepareSubmission", "Task_Lead", "Task_Contribute", "Task_MonthlyCheckIn", "Task_Escalation"),
          List.of(Groups.HOME_AFFAIRS));
      ensureFilter("Việc của đơn vị", 0, "Hồ sơ của đơn vị cần bổ sung và các việc được giao cho đơn vị",
          tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
          units);
      ensureFilter("Chờ quyết định khen thưởng", 0, "Hồ sơ chờ Chủ tịch UBND tỉnh quyết định",
          tasks.createTaskQuery().taskCandidateGroup(Groups.CHAIRMAN).includeAssignedTasks(),
          List.of(Groups.CHAIRMAN));
      ensureFilter("Cấp số quyết định", 0, "Quyết định khen thưởng Chủ tịch đã ký, chờ văn thư cấp số",
          tasks.createTaskQuery().taskCandidateGroup(Groups.CLERK).includeAssignedTasks(),
          List.of(Groups.CLERK));
      ensureFilter("Phiếu biểu quyết", -5, "Phiếu biểu quyết của tôi trong các phiên họp Hội đồng",
          tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").processDefinitionKey(COUNCIL_PROCESS),
          List.of(Groups.COUNCIL));
      ensureFilter("Phiên họp Hội đồng", 0, "Phiên họp Hội đồng Thi đua - Khen thưởng cần triệu tập lại",
          tasks.createTaskQuery().taskCandidateGroup(Groups.HOME_AFFAIRS).includeAssignedTasks()
              .processDefinitionKey(COUNCIL_PROCESS),
          List.of(Groups.HOME_AFFAIRS));
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query, List<String> readers) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(name)
            .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                "variables", List.of(
                    Map.of("name", "dossierCode", "label", "Mã hồ sơ"),
                    Map.of("name", "subjectName", "label", "Đối tượng"),
                    Map.of("name", "awardTypeName", "label", "Hình thức"),
                    Map.of("name", "unitName", "label", "Đơn vị"))))
            .setQuery(query);
        filters.saveFilter(filter);
      }
      for (String group : readers) {
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private record NewUser(String id, String firstName, String lastName, String password, List<String> groups) {}
}
