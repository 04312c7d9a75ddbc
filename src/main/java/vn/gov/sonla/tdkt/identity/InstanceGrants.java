package vn.gov.sonla.tdkt.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * Grants on single process instances, written by the application (as the system) in the transaction that starts
 * them: e.g. the proposing unit reads its own dossier's instance, so Tasklist shows the dossier's variables on the
 * unit's tasks, while the unit holds no right to start, modify or read any other instance.
 */
@Component
public class InstanceGrants {

  private final AuthorizationService authorizations;
  private final EngineAuthentication engine;

  public InstanceGrants(AuthorizationService authorizations, EngineAuthentication engine) {
    this.authorizations = authorizations;
    this.engine = engine;
  }

  public void read(String groupId, String processInstanceId) {
    engine.asSystem(() -> {
      Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(Resources.PROCESS_INSTANCE);
      auth.setResourceId(processInstanceId);
      auth.addPermission(Permissions.READ);
      return authorizations.saveAuthorization(auth);
    });
  }
}
