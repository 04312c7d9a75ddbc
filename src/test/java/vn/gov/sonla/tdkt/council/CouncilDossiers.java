package vn.gov.sonla.tdkt.council;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.Upload;
import vn.gov.sonla.tdkt.support.TestDossiers;

/** Dossiers waiting for the council: submitted by a unit officer and appraised VALID (normal procedure). */
final class CouncilDossiers {

  private final DossierService dossiers;
  private final RuntimeService runtime;
  private final TaskService tasks;

  CouncilDossiers(DossierService dossiers, RuntimeService runtime, TaskService tasks) {
    this.dossiers = dossiers;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** A BK_TINH or CSTD_TINH dossier in status AWAITING_COUNCIL. */
  Dossier awaitingCouncil(String awardType) {
    DossierRequest request = new DossierRequest(null, awardType, "ANNUAL", LocalDate.now().getYear(), "INDIVIDUAL",
        "Lò Văn Khánh " + UUID.randomUUID().toString().substring(0, 8), LocalDate.of(1980, 5, 20),
        "Kỹ sư nông nghiệp", "Trung tâm Khuyến nông tỉnh",
        "Ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến canh tác cà phê trên đất dốc được áp dụng toàn tỉnh.")
        .withRole("DIRECT_WORKER");
    List<Upload> uploads = new ArrayList<>(TestDossiers.requiredUploads("ANNUAL"));
    if ("CSTD_TINH".equals(awardType)) {
      uploads.add(TestDossiers.upload(DocumentType.INITIATIVE_PROOF));
    }
    Dossier d = dossiers.create(request, uploads, false, TestDossiers.OFFICER_SGDDT);
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).singleResult().getId();
    Task appraisal = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Appraise").singleResult();
    tasks.claim(appraisal.getId(), "appraiser");
    tasks.complete(appraisal.getId(), java.util.Map.of("appraisalOutcome", "VALID",
        "appraisalSummary", "Hồ sơ đầy đủ, đủ tiêu chuẩn " + awardType + ".",
        "eligibilityOverrideReason", "Thành tích đã được xác nhận; sổ khen thưởng chưa cập nhật."));
    return d;
  }
}
