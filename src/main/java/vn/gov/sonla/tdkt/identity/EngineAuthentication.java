package vn.gov.sonla.tdkt.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs a read on the engine without the caller's authorization checks, for reads the project's own
 * access rules have already allowed (e.g. a unit officer seeing the current step of their dossier,
 * whose process instance they may not read in Cockpit).
 */
@Component
public class EngineAuthentication {

  private final IdentityService identityService;

  public EngineAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T asSystem(Supplier<T> read) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
