package vn.gov.sonla.tdkt.load;

/**
 * Issue 20's anchor: {@link DeadlineDaySimulation} unchanged (same populations, same injection profile, same
 * requests and assertions) against the application running the skeleton of {@code commendation-dossier} (same wait
 * states, candidate groups and forms, no-op in place of every delegate, decision table and listener:
 * {@code src/load/resources/load/commendation-dossier-skeleton.bpmn}) on a copy of the load database taken after
 * the set-up, before either run (same backlog, history, council sessions and batches). Run by the same
 * {@code ./mvnw -Pload verify}; its Gatling report is the {@code deadlinedayskeletonsimulation-*} directory under
 * {@code target/gatling/}, and {@link AnchorComparison} prints both runs side by side.
 */
public class DeadlineDaySkeletonSimulation extends DeadlineDaySimulation {

  @Override
  protected LoadEnvironment.Target target() {
    return LoadEnvironment.Target.SKELETON;
  }
}
