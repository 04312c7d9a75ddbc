package vn.gov.sonla.tdkt.engine;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;

/**
 * The engine adapter's one facade onto the engine's internal classes ({@code org.camunda.bpm.engine.impl}) for
 * everything that is not a plugin: the engine's clock ({@code ClockUtil}), the current authentication and running
 * without authorization checks ({@code Context}, {@code CommandContext}, {@code Authentication}), saving a user
 * without the password policy ({@code IdentityServiceImpl}), the configuration's bean types and read-only facts for
 * monitoring (job executor, incident handlers, table prefix). {@link EngineClock}, {@link EngineAuthentication},
 * {@link EngineUser} and {@link EngineAfterFlyway} delegate here, so that an engine move (Operaton) touches this
 * class and the plugins ({@code HistoryPlugin}, {@code DossierStatusPlugin}, {@code AuthorizedGroupsPlugin},
 * {@code DmnFeelPlugin}) only; {@code ArchitectureTest} counts the files that import engine internals.
 */
public final class EngineInternals {

  private EngineInternals() {}

  // the clock

  /** The engine's current time (the system time unless a test moved it). */
  static Date now() {
    return ClockUtil.getCurrentTime();
  }

  // the running command

  /**
   * Whether the entity (one the running command loaded, such as a task's identity link) has been deleted by this
   * command: the engine deletes it at the flush, and until then a task's lists still hold it.
   */
  static boolean deletedInThisCommand(Object entity) {
    CommandContext context = Context.getCommandContext();
    return context != null && entity instanceof DbEntity dbEntity
        && context.getDbEntityManager().getDbEntityCache().isDeleted(dbEntity);
  }

  // authentication

  /** The authenticated user's id, null for the system (no authentication). */
  static String currentUserId(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** Runs the call with no authenticated user (the system), restoring the caller's authentication after. */
  static <T> T withoutAuthentication(IdentityService identity, Supplier<T> call) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }

  /**
   * Runs the call without authorization checks: within the running command if there is one, else in a new command
   * of the engine configuration given (looked up only then); when it gives none, just runs the call.
   */
  static <T> T withoutAuthorization(Supplier<ProcessEngineConfiguration> configuration, Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(call::get);
    }
    ProcessEngineConfiguration engine = configuration.get();
    if (engine == null) {
      return call.get();
    }
    Command<T> command = c -> c.runWithoutAuthorization(call::get);
    return ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired().execute(command);
  }

  // identity

  /** Saves a new user without the password policy (for users the set-up creates). */
  static void saveWithoutPasswordPolicy(IdentityService identity, User user) {
    if (identity instanceof IdentityServiceImpl engineIdentity) {
      engineIdentity.saveUser(user, true);
    } else {
      identity.saveUser(user);
    }
  }

  // configuration

  /** The bean types that build the engine (its factory bean and its configuration). */
  static List<Class<?>> engineBeanTypes() {
    return List.of(ProcessEngineFactoryBean.class, ProcessEngineConfigurationImpl.class);
  }

  /** The job executor's state, or empty if the engine has none. */
  public static Optional<JobExecutorState> jobExecutor(ProcessEngine engine) {
    if (!(engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl)
        || impl.getJobExecutor() == null) {
      return Optional.empty();
    }
    JobExecutor executor = impl.getJobExecutor();
    return Optional.of(new JobExecutorState(executor.isActive(), executor.getLockOwner(),
        executor.getLockTimeInMillis(), executor.getMaxJobsPerAcquisition()));
  }

  /** The incident types with a handler configured (the built-in ones and any added). */
  public static Set<String> incidentHandlerTypes(ProcessEngine engine) {
    return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl
        && impl.getIncidentHandlers() != null ? Set.copyOf(impl.getIncidentHandlers().keySet()) : Set.of();
  }

  /** The prefix of the engine's table names ("" when none). */
  public static String tablePrefix(ProcessEngine engine) {
    return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl
        && impl.getDatabaseTablePrefix() != null ? impl.getDatabaseTablePrefix() : "";
  }

  /** The job executor's state. */
  public record JobExecutorState(boolean active, String lockOwner, int lockTimeInMillis, int maxJobsPerAcquisition) {}

  /** See {@link EngineAuthentication#actFor(IdentityService, String)}. */
  static void actFor(IdentityService identity, String userId) {
    CommandContext context = Context.getCommandContext();
    if (context == null || userId == null || userId.isBlank()) {
      return;
    }
    Authentication previous = identity.getCurrentAuthentication();
    if (previous != null && userId.equals(previous.getUserId())) {
      return;
    }
    identity.setAuthenticatedUserId(userId);
    context.registerCommandContextListener(new org.camunda.bpm.engine.impl.interceptor.CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext commandContext) {
        restore();
      }

      @Override
      public void onCommandFailed(CommandContext commandContext, Throwable t) {
        restore();
      }

      private void restore() {
        if (previous == null) {
          identity.clearAuthentication();
        } else {
          identity.setAuthentication(previous);
        }
      }
    });
  }
}
