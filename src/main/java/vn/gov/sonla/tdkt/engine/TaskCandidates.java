package vn.gov.sonla.tdkt.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** A task's candidate groups as its listener should see them. */
public final class TaskCandidates {

  private TaskCandidates() {}

  /**
   * The task's candidate groups after the running command: {@link DelegateTask#getCandidates()} without the links
   * the command has deleted (a group removed in Tasklist fires the task's update event before the engine's flush,
   * and the task's list of links still holds it then).
   */
  public static Set<String> groups(DelegateTask task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && !EngineInternals.deletedInThisCommand(link)) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }
}
