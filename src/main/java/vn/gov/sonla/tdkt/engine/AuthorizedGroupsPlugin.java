package vn.gov.sonla.tdkt.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's authorization checks from reading the whole authorization table in every command.
 *
 * <p>Before its first check in a command, Camunda 7's {@link AuthorizationManager} runs
 * {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A} and keeps only the user's groups that occur
 * there, so that users in many groups get a short {@code GROUP_ID_ IN (...)} list. That statement reads every
 * authorization row: with the candidate groups' grant on each open task (one row per task, written by the
 * engine) it is a sequential scan of 100,000 rows at 100,000 open tasks, about 15 ms, and Tasklist's list of a
 * filter runs it in each of its seven commands (filter, list, count, variables, users, ...): most of that
 * request's database time (README "Benchmarks"; the upstream issue is camunda/camunda-bpm-platform#5485, and the
 * Camunda 7 forks offer the same threshold as this class).
 *
 * <p>Leaving a group without authorizations in the list changes no result: the checks look authorization rows
 * up by group, and such a group matches none. So for users in at most {@code tdkt.authorization.group-filter-threshold}
 * groups (every account here has one to three) the list is passed on unchanged (without nulls and duplicates);
 * above it the engine's own filter applies. The manager is the engine's, registered for its session type
 * through the engine's custom session factories.
 *
 * <p>It replaces an engine method, so it is behind a setting, {@code tdkt.authorization.skip-group-filter} (on by
 * default; off gives the engine's own behaviour), and {@code AuthorizedGroupsPluginTest} pins the engine method it
 * replaces: a new engine whose {@code filterAuthenticatedGroupIds} or {@code getAllGroups} reads differently fails
 * that test until this class is re-checked against it.
 */
@Component
@ConditionalOnProperty(name = "tdkt.authorization.skip-group-filter", havingValue = "true", matchIfMissing = true)
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  private final int threshold;

  public AuthorizedGroupsPlugin(@Value("${tdkt.authorization.group-filter-threshold:20}") int threshold) {
    this.threshold = threshold;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new UnfilteredGroupsAuthorizationManager(threshold);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, without the table scan for users in few groups. */
  static class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

    private final int threshold;

    UnfilteredGroupsAuthorizationManager(int threshold) {
      this.threshold = threshold;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > threshold) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList());
    }
  }
}
