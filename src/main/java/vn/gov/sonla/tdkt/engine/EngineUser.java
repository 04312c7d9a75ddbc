package vn.gov.sonla.tdkt.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;

/** The engine adapter's view of who is calling the engine: the authenticated user's id, null for the system. */
public final class EngineUser {

  private EngineUser() {}

  public static String currentUserId(IdentityService identity) {
    return EngineInternals.currentUserId(identity);
  }

  /**
   * Who completes (or acts on) the task: the authenticated user of the call, else the task's assignee (the system
   * completing a claimed task, e.g. the application's services and the tests); null when neither is known.
   */
  public static String actor(DelegateTask task) {
    String current = currentUserId(task.getProcessEngineServices().getIdentityService());
    return current != null ? current : task.getAssignee();
  }

  /**
   * Whether the user is a member of the group, read without the caller's authorization checks (a user may not read
   * the users and groups); within a running command (a task listener) only.
   */
  public static boolean isMember(IdentityService identity, String userId, String groupId) {
    return EngineAuthentication.inProcess(
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }

  /**
   * Saves a new user created by the set-up (demo users, the administrator with the operator's password) without
   * the password policy, which is for users created in Admin and the API.
   */
  public static void saveWithoutPasswordPolicy(IdentityService identity, User user) {
    EngineInternals.saveWithoutPasswordPolicy(identity, user);
  }
}
