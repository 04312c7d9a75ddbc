package vn.gov.sonla.tdkt.trail;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.decision.DecisionNumbering;
import vn.gov.sonla.tdkt.decision.DecisionRepository;
import vn.gov.sonla.tdkt.decision.NumberingSwitch;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.Upload;
import vn.gov.sonla.tdkt.notice.ObjectionRequest;
import vn.gov.sonla.tdkt.notice.PublicNoticeService;
import vn.gov.sonla.tdkt.support.TestDossiers;

/**
 * Drives one dossier through supplement, council, public notice with a dismissed objection, and
 * the Chairman's decision of its round's batch, one step a day (ClockUtil), each step under its user's engine
 * authentication so that the user operation log names them.
 */
public class TrailScenario {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The decision-batch rounds of year 2099 the scenarios use, one per run (rounds go to 999). */
  private static final java.util.concurrent.atomic.AtomicInteger BATCH_ROUNDS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The times of the steps, for the assertions. */
  public record Run(String code, String processInstanceId, String decisionNumber, Date submitted, Date claimed,
      Date appraisedSupplement, Date supplemented, Date appraisedValid, Date councilResolved, Date objectionFiled,
      Date objectionReviewed, Date timerFired, Date decided, String batchKey, Date numbered) {}

  private final DossierService dossiers;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final CouncilRepository council;
  private final PublicNoticeService notices;
  private final DecisionRepository decisions;
  /** Set: the clerk numbers the batch's decision in his task (the numbering switched to the clerk for the run). */
  private DecisionNumbering clerkNumbering;

  public TrailScenario(DossierService dossiers, RuntimeService runtime, TaskService tasks, ManagementService management,
      IdentityService identity, CouncilRepository council, PublicNoticeService notices,
      DecisionRepository decisions) {
    this.dossiers = dossiers;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.council = council;
    this.notices = notices;
    this.decisions = decisions;
  }

  /** The clerk numbers the batch's decision (Task_NumberDecision) an hour after the Chairman's approval. */
  public TrailScenario numberedByTheClerk(DecisionNumbering numbering) {
    this.clerkNumbering = numbering;
    return this;
  }

  public Run run() {
    return run(java.time.LocalDate.now().getYear());
  }

  /** The scenario for a dossier of this award year. */
  public Run run(int year) {
    try {
      Date submitted = at(2025, 3, 3, 8, 30);
      ClockUtil.setCurrentTime(submitted);
      Dossier d = dossiers.create(TestDossiers.individual("ANNUAL", year), TestDossiers.requiredUploads("ANNUAL"), false,
          TestDossiers.OFFICER_SGDDT);
      String code = d.code();
      String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();

      Date claimed = step(at(2025, 3, 4, 9, 0));
      Task appraise = task(pi, "Task_Appraise");
      as("appraiser", "home-affairs", () -> tasks.claim(appraise.getId(), "appraiser"));

      Date appraisedSupplement = step(at(2025, 3, 5, 10, 0));
      as("appraiser", "home-affairs", () -> tasks.complete(appraise.getId(), Map.of("appraisalOutcome", "SUPPLEMENT",
          "appraisalSummary", "Thiếu biên bản họp Hội đồng TĐKT cơ sở.", "missingItems", "Biên bản họp có chữ ký.")));

      Date supplemented = step(at(2025, 3, 6, 14, 0));
      as("officer.sgddt", "unit-sgddt", () -> dossiers.supplement(code, "Đã bổ sung biên bản có chữ ký.",
          List.of(new Upload(DocumentType.REVIEW_MINUTES, "biên-bản-bổ-sung.pdf", "application/pdf",
              TestDossiers.pdf("bien ban bo sung"))), TestDossiers.OFFICER_SGDDT));

      Date appraisedValid = step(at(2025, 3, 7, 9, 30));
      Task again = task(pi, "Task_Appraise");
      as("appraiser", "home-affairs", () -> {
        if (again.getAssignee() == null) {
          tasks.claim(again.getId(), "appraiser");
        }
        tasks.complete(again.getId(), Map.of("appraisalOutcome", "VALID", "appraisalSummary", "Hồ sơ hợp lệ.",
            "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
      });

      Date councilResolved = step(at(2025, 3, 20, 16, 0));
      String session = "2099-R" + (int) (Math.random() * 1_000_000);
      council.insertSession(session, 2099, 1, "Phiên thử", "test-" + session, "appraiser",
          DossierTrail.vn(councilResolved));
      council.insertAgendaItem(new CouncilRepository.AgendaItem(session, 1, code, d.subjectName(),
          "Sở Giáo dục và Đào tạo", "BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", "Hợp lệ.", null, null, null, null,
          null));
      council.recordOutcome(session, code, "PASSED", 9, 0, 0, 6);
      runtime.createMessageCorrelation("CouncilResolution").processInstanceBusinessKey(code)
          .setVariable("councilPassed", true).setVariable("votesFor", 9).setVariable("votesAgainst", 0)
          .setVariable("votesAbsent", 0).setVariable("votesRequired", 6).setVariable("councilMembers", 9)
          .setVariable("councilSession", session).correlate();

      Date objectionFiled = step(at(2025, 3, 21, 10, 0));
      notices.file(new ObjectionRequest(code, "Nguyễn Văn Dân", "0912345678", "Thành tích chưa đúng thực tế."),
          "127.0.0.1");

      Date objectionReviewed = step(at(2025, 3, 24, 15, 0));
      Task review = task(pi, "Task_VerifyObjection");
      as("appraiser", "home-affairs", () -> {
        tasks.claim(review.getId(), "appraiser");
        tasks.complete(review.getId(), Map.of("objectionOutcome", "DISMISSED",
            "objectionFinding", "Không có cơ sở: thành tích đã được xác nhận."));
      });

      Job timer = management.createJobQuery().processInstanceId(pi).activityId("Timer_NoticePeriod").singleResult();
      Date timerFired = step(new Date(timer.getDuedate().getTime() + 60_000));
      management.executeJob(timer.getId());

      Date decided = step(new Date(timerFired.getTime() + 86_400_000L));
      // the normal procedure is decided by batch: the round's batch opened (by the application, as the system),
      // the Chairman approves it in his batch task
      // a round of its own in this JVM's database (a random one collided now and then: DuplicateKeyException)
      String batchKey = "2099-R" + BATCH_ROUNDS.incrementAndGet() + "-" + d.awardType();
      identity.clearAuthentication();
      Date numbered = null;
      try (NumberingSwitch clerk = clerkNumbering == null ? null : NumberingSwitch.byClerk(clerkNumbering)) {
        String batchId = runtime.startProcessInstanceByKey("decision-batch", batchKey, Map.of("openedBy", "appraiser"))
            .getId();
        Task decide = tasks.createTaskQuery().processInstanceBusinessKey(batchKey).singleResult();
        as("chairman", "chairman", () -> {
          tasks.claim(decide.getId(), "chairman");
          tasks.complete(decide.getId(), Map.of("draftReviewed", true));
        });
        // the decision and each dossier's award are jobs after a click (issue 19), run as the job executor would
        vn.gov.sonla.tdkt.support.Jobs.settleInstance(management, batchId);
        if (clerk != null) {
          numbered = step(new Date(decided.getTime() + 3_600_000L));
          Task number = tasks.createTaskQuery().processInstanceBusinessKey(batchKey)
              .taskDefinitionKey("Task_NumberDecision").singleResult();
          // a number of its own in the year's register (other tests number decisions of the same year)
          int seq = 900_000 + (int) (Math.random() * 99_999);
          as("clerk", "clerk", () -> {
            tasks.claim(number.getId(), "clerk");
            tasks.complete(number.getId(), Map.of("decisionSeq", seq, "decisionRegister", "QĐ-UBND"));
          });
          // the decision and each dossier's award are jobs after a click (issue 19), run as the job executor would
          vn.gov.sonla.tdkt.support.Jobs.settleInstance(management, batchId);
        }
      }
      String number = decisions.forDossier(code).orElseThrow().number();
      return new Run(code, pi, number, submitted, claimed, appraisedSupplement, supplemented, appraisedValid,
          councilResolved, objectionFiled, objectionReviewed, timerFired, decided, batchKey, numbered);
    } finally {
      ClockUtil.reset();
      identity.clearAuthentication();
    }
  }

  private Task task(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private void as(String user, String group, Runnable action) {
    identity.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Date step(Date at) {
    ClockUtil.setCurrentTime(at);
    return at;
  }

  public static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VN).toInstant());
  }
}
