package vn.gov.sonla.tdkt.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.AppTest;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * The trail of one dossier driven through supplement, council, public notice with a dismissed
 * objection and the Chairman's decision: every step, with its user and time, in order.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierTrailTest {

  private static final CurrentUser AUDITOR = new CurrentUser("auditor", java.util.Set.of("auditors"));

  @Autowired DossierTrail trail;
  @Autowired DossierService dossiers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired CouncilRepository council;
  @Autowired PublicNoticeService notices;
  @Autowired DecisionRepository decisions;

  TrailScenario.Run run;
  List<TrailEntry> entries;
  int cursor;

  @BeforeAll
  void drive() {
    run = new TrailScenario(dossiers, runtime, tasks, management, identity, council, notices, decisions).run();
    entries = trail.of(run.code(), AUDITOR);
  }

  @Test
  void everyStepIsThereInOrderWithItsUserAndTime() {
    cursor = 0;
    next("submission", TrailKind.DOSSIER_SUBMITTED, run.submitted(), "officer.sgddt", e -> true);
    next("documents of the submission", TrailKind.DOCUMENT_ADDED, run.submitted(), "officer.sgddt",
        e -> e.details().get("sha256").toString().matches("[0-9a-f]{64}"));
    next("status SUBMITTED", TrailKind.STATUS_CHANGED, run.submitted(), null, to("SUBMITTED"));
    next("appraisal task for home-affairs", TrailKind.TASK_CREATED, run.submitted(), null,
        e -> e.details().get("candidateGroups").equals(List.of("home-affairs")));
    next("appraisal claimed", TrailKind.TASK_CLAIMED, run.claimed(), "appraiser", task("Thẩm định hồ sơ"));
    next("status IN_APPRAISAL", TrailKind.STATUS_CHANGED, run.claimed(), null, to("IN_APPRAISAL"));
    next("appraisal completed asking for a supplement", TrailKind.TASK_COMPLETED, run.appraisedSupplement(),
        "appraiser", task("Thẩm định hồ sơ").and(value("appraisalOutcome", "SUPPLEMENT")));
    next("status AWAITING_SUPPLEMENT", TrailKind.STATUS_CHANGED, run.appraisedSupplement(), null,
        to("AWAITING_SUPPLEMENT"));
    next("supplement task for the unit", TrailKind.TASK_CREATED, run.appraisedSupplement(), null,
        e -> e.details().get("candidateGroups").equals(List.of("unit-sgddt")));
    next("supplement document", TrailKind.DOCUMENT_ADDED, run.supplemented(), "officer.sgddt",
        e -> e.details().get("name").equals("biên-bản-bổ-sung.pdf"));
    next("supplement completed", TrailKind.TASK_COMPLETED, run.supplemented(), "officer.sgddt",
        task("Bổ sung hồ sơ").and(value("supplementNote", "Đã bổ sung biên bản có chữ ký.")));
    next("appraisal back to the appraiser", TrailKind.TASK_ASSIGNED, run.supplemented(), null,
        e -> "appraiser".equals(e.details().get("assignee")));
    next("appraisal completed valid", TrailKind.TASK_COMPLETED, run.appraisedValid(), "appraiser",
        task("Thẩm định hồ sơ").and(value("appraisalOutcome", "VALID")));
    next("status AWAITING_COUNCIL", TrailKind.STATUS_CHANGED, run.appraisedValid(), null, to("AWAITING_COUNCIL"));
    next("council tally", TrailKind.COUNCIL_TALLY, run.councilResolved(), null,
        e -> e.details().get("votesFor").equals(9) && e.details().get("passed").equals(true));
    next("council resolution variables", TrailKind.VARIABLE_SET, run.councilResolved(), null,
        e -> "councilPassed".equals(e.details().get("name")) && Boolean.TRUE.equals(e.details().get("after")));
    next("status PUBLIC_NOTICE", TrailKind.STATUS_CHANGED, run.councilResolved(), null, to("PUBLIC_NOTICE"));
    next("objection filed", TrailKind.OBJECTION_FILED, run.objectionFiled(), null,
        e -> e.summary().contains("Thành tích chưa đúng thực tế."));
    next("objection reviewed", TrailKind.OBJECTION_REVIEWED, run.objectionReviewed(), "appraiser",
        e -> "DISMISSED".equals(e.details().get("outcome")));
    next("objection task completed", TrailKind.TASK_COMPLETED, run.objectionReviewed(), "appraiser",
        task("Xác minh ý kiến phản ánh").and(value("objectionOutcome", "DISMISSED")));
    next("notice timer", TrailKind.TIMER_FIRED, run.timerFired(), null,
        e -> "Timer_NoticePeriod".equals(e.details().get("activityId")));
    next("status AWAITING_DECISION", TrailKind.STATUS_CHANGED, run.timerFired(), null, to("AWAITING_DECISION"));
    // the Chairman decides the round's batch (his task is the batch's, not the dossier's); the decision reaches it
    next("decision issued", TrailKind.DECISION_ISSUED, run.decided(), "chairman",
        e -> e.details().get("number").equals(run.decisionNumber()) && e.summary().contains(run.decisionNumber()));
    next("status AWARDED", TrailKind.STATUS_CHANGED, run.decided(), null, to("AWARDED"));
  }

  /** Issue 17: "người ký: chairman" — people are named as they write their names, never by login id. */
  @Test
  void peopleAreNamedByTheirFullNamesNotTheirLoginIds() {
    assertThat(entries).filteredOn(e -> e.kind() == TrailKind.DECISION_ISSUED).singleElement()
        .satisfies(e -> {
          assertThat(e.summary()).contains("người ký: Lê Văn Hùng").doesNotContain("chairman");
          assertThat(e.actor()).isEqualTo("chairman");
          assertThat(e.actorName()).isEqualTo("Lê Văn Hùng");
        });
    assertThat(entries).filteredOn(e -> e.kind() == TrailKind.TASK_CLAIMED).isNotEmpty()
        .allSatisfy(e -> assertThat(e.summary()).doesNotContain(e.actor()).startsWith(e.actorName() + " nhận"));
    // the Chairman claims his batch's task, not the dossier's: he is named by the decision entry above
    assertThat(entries).filteredOn(e -> e.kind() == TrailKind.TASK_CLAIMED).extracting(TrailEntry::actorName)
        .contains("Nguyễn Thị Lan");
    // every entry with a person names them; no summary shows a login id of a person in the trail (outside the
    // technical record of variables and form values)
    java.util.Set<String> logins = new java.util.HashSet<>();
    entries.stream().map(TrailEntry::actor).filter(java.util.Objects::nonNull).forEach(logins::add);
    assertThat(logins).contains("officer.sgddt", "appraiser", "chairman");
    assertThat(entries).allSatisfy(e -> {
      if (e.actor() != null) {
        assertThat(e.actorName()).isNotBlank().isNotEqualTo(e.actor());
      }
      if (e.source() == TrailSource.ENGINE_VARIABLE) {
        return;
      }
      String said = e.summary().contains(" với: ") ? e.summary().substring(0, e.summary().indexOf(" với: ")) : e.summary();
      for (String login : logins) {
        assertThat(said).as(e.kind() + ": " + e.summary()).doesNotContainPattern("(^|[\\s(:])"
            + java.util.regex.Pattern.quote(login) + "($|[\\s),.])");
      }
    });
    // a task for a group names the group as people know it
    assertThat(entries).filteredOn(e -> e.kind() == TrailKind.TASK_CREATED
            && "Task_Appraise".equals(e.details().get("taskDefinitionKey"))).isNotEmpty()
        .allSatisfy(e -> assertThat(e.summary()).contains("cho Sở Nội vụ - Phòng Thi đua, Khen thưởng")
            .doesNotContain("home-affairs"));
  }

  @Test
  void timesNeverGoBackAndEachEntryNamesItsSource() {
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).at()).isAfterOrEqualTo(entries.get(i - 1).at());
    }
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.source()).isNotNull();
      assertThat(e.summary()).isNotBlank();
    });
    assertThat(entries).extracting(TrailEntry::source).contains(TrailSource.ENGINE_ACTIVITY, TrailSource.ENGINE_TASK,
        TrailSource.ENGINE_USER_OPERATION, TrailSource.ENGINE_VARIABLE, TrailSource.ENGINE_JOB, TrailSource.DOCUMENT,
        TrailSource.COUNCIL, TrailSource.OBJECTION, TrailSource.DECISION);
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TrailKind.STEP_STARTED);
      assertThat(e.summary()).contains("Thẩm định hồ sơ");
    });
  }

  @Test
  void theUnitDoesNotLearnWhoObjectedAndNobodySeesTheirContact() {
    assertThat(entries).noneMatch(e -> e.toString().contains("0912345678"));
    assertThat(entries).anyMatch(e -> e.summary().contains("Nguyễn Văn Dân"));
    assertThat(trail.of(run.code(), TestDossiers.OFFICER_SGDDT)).noneMatch(e -> e.toString().contains("Nguyễn Văn Dân"));
  }

  @Test
  void noSecretBallotAndNoIndividualVotes() {
    assertThat(entries).noneMatch(e -> e.summary().contains("approvals") || e.details().toString().contains("approvals"));
  }

  @Test
  void aUnitReadsItsOwnTrailOnly() {
    assertThat(trail.of(run.code(), TestDossiers.OFFICER_SGDDT)).hasSameSizeAs(entries);
    assertThatThrownBy(() -> trail.of(run.code(), TestDossiers.OFFICER_SYT))
        .isInstanceOf(DossierNotFoundException.class);
  }

  // ----------------------------------------------------------------------------------------------

  /**
   * An entry of the kind, at the time, by the actor, matching; and not before the entry found last
   * (the steps are a day apart, the list sorted by time: entries of one instant may come in any order).
   */
  private void next(String what, TrailKind kind, Date at, String actor, Predicate<TrailEntry> matching) {
    for (int i = 0; i < entries.size(); i++) {
      TrailEntry e = entries.get(i);
      if (e.kind() == kind && e.at().toInstant().equals(at.toInstant()) && java.util.Objects.equals(actor, e.actor())
          && matching.test(e)) {
        assertThat(e.at()).as(what + " after the previous step").isAfterOrEqualTo(entries.get(cursor).at());
        cursor = i;
        return;
      }
    }
    throw new AssertionError("No entry '" + what + "' (" + kind + " at " + DossierTrail.vn(at) + " by " + actor
        + ") after position " + cursor + " in:\n" + dump());
  }

  private String dump() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      TrailEntry e = entries.get(i);
      s.append(i).append(' ').append(e.at()).append(' ').append(e.source()).append(' ').append(e.kind()).append(' ')
          .append(e.actor()).append(" | ").append(e.summary()).append('\n');
    }
    return s.toString();
  }

  private static Predicate<TrailEntry> to(String status) {
    return e -> status.equals(e.details().get("to"));
  }

  private static Predicate<TrailEntry> task(String name) {
    return e -> name.equals(e.details().get("taskName"));
  }

  private static Predicate<TrailEntry> value(String name, Object expected) {
    return e -> e.details().get("values") instanceof Map<?, ?> values && expected.equals(values.get(name));
  }
}
