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

  private final org.springframework.beans.factory.ObjectProvider<
      org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl> configuration;

  public EngineAuthentication(IdentityService identityService,
      org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl>
          configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
  }

  /**
   * Runs engine calls as the current user (who is recorded as their actor, e.g. the start user of a process) but
   * without the user's authorization checks: for operations the application performs for the user after its own
   * checks, which the user holds no engine right to do (starting a dossier's process).
   */
  public <T> T withoutChecks(Supplier<T> call) {
    org.camunda.bpm.engine.impl.interceptor.CommandContext context =
        org.camunda.bpm.engine.impl.context.Context.getCommandContext();
    if (context != null) {
      java.util.concurrent.Callable<T> callable = call::get;
      return context.runWithoutAuthorization(callable);
    }
    java.util.concurrent.Callable<T> callable = call::get;
    org.camunda.bpm.engine.impl.interceptor.Command<T> command = c -> c.runWithoutAuthorization(callable);
    return configuration.getObject().getCommandExecutorTxRequired().execute(command);
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
