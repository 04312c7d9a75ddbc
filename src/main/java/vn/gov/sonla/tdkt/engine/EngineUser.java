package vn.gov.sonla.tdkt.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The engine adapter's view of who is calling the engine: the authenticated user's id, null for the system. */
public final class EngineUser {

  private EngineUser() {}

  public static String currentUserId(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /**
   * Whether the user is a member of the group, read without the caller's authorization checks (a user may not read
   * the users and groups); within a running command (a task listener) only.
   */
  public static boolean isMember(IdentityService identity, String userId, String groupId) {
    return org.camunda.bpm.engine.impl.context.Context.getCommandContext().runWithoutAuthorization(
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }
}
