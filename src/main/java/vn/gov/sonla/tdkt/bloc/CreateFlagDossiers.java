package vn.gov.sonla.tdkt.bloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.DeclaredFacts;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.Upload;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/**
 * The head's proposal becomes, for each proposed unit, a CO_TINH dossier in the pipeline, in the engine's
 * transaction: the proposing unit is the leading unit itself (its register and its supplements), created by the
 * head's officer, with the bloc's proposal letter, the unit's self-assessment as achievement report and the
 * review minutes with the ranking as PDFs.
 */
@Component("createFlagDossiers")
public class CreateFlagDossiers implements JavaDelegate {

  private final BlocRepository blocs;
  private final BlocService service;
  private final BlocDocuments documents;
  private final DossierService dossiers;
  private final DecisionProperties decision;

  public CreateFlagDossiers(BlocRepository blocs, BlocService service, BlocDocuments documents, DossierService dossiers,
      DecisionProperties decision) {
    this.blocs = blocs;
    this.service = service;
    this.documents = documents;
    this.dossiers = dossiers;
    this.decision = decision;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    String code = (String) execution.getVariable("blocCode");
    int year = (Integer) execution.getVariable("year");
    List<String> units = (List<String>) execution.getVariable("flagUnits");
    String proposer = (String) execution.getVariable("flagProposedBy");
    String blocName = (String) execution.getVariable("blocName");
    List<Bloc.Ranked> ranking = blocs.ranking(code, year);
    byte[] minutes = minutes(code, year, blocName, ranking, (String) execution.getVariable("reviewNote"));
    List<String> created = new ArrayList<>();
    for (String unit : units) {
      Bloc.Ranked r = ranking.stream().filter(x -> x.unitCode().equals(unit)).findFirst().orElseThrow();
      String name = service.unitName(unit);
      String achievements = "Dẫn đầu " + blocName + " năm " + year + ": xếp thứ " + r.rank() + "/" + ranking.size()
          + ", " + r.total().toPlainString() + " điểm theo kết quả bình xét của cụm, khối; Trưởng khối "
          + execution.getVariable("headUnitName") + " đề nghị tặng Cờ thi đua của UBND tỉnh.";
      DossierRequest request = new DossierRequest(unit, "CO_TINH", "ANNUAL", year, "COLLECTIVE", name, null, null, null,
          achievements).withRole("COLLECTIVE")
          .withFacts(new DeclaredFacts(null, null, null, null, null, null, null, true));
      Bloc.SelfAssessment self = blocs.selfAssessment(code, year, unit).orElse(null);
      List<Upload> uploads = List.of(
          pdf(DocumentType.PROPOSAL_LETTER, "to-trinh-co-thi-dua-" + code + ".pdf", documents.render(
              (String) execution.getVariable("headUnitName"), "TỜ TRÌNH", "Đề nghị tặng Cờ thi đua của UBND tỉnh năm " + year,
              List.of("Căn cứ kết quả chấm điểm, bình xét thi đua năm " + year + " của " + blocName + ", Trưởng khối đề nghị"
                  + " Chủ tịch UBND tỉnh tặng Cờ thi đua cho " + name + " (xếp thứ " + r.rank() + ", "
                  + r.total().toPlainString() + " điểm).", "Người đề nghị: " + proposer + "."))),
          pdf(DocumentType.ACHIEVEMENT_REPORT, "bao-cao-thanh-tich-" + unit + ".pdf", documents.render(name,
              "BÁO CÁO THÀNH TÍCH", "Tự đánh giá thi đua năm " + year,
              List.of(self == null ? "" : self.report(), self == null || self.evidence() == null ? ""
                  : "Minh chứng: " + self.evidence()))),
          pdf(DocumentType.REVIEW_MINUTES, "bien-ban-binh-xet-" + code + "-" + year + ".pdf", minutes));
      CurrentUser asProposer = new CurrentUser(proposer == null ? "system" : proposer, Set.of(Groups.unit(unit)));
      Dossier d = dossiers.create(request, uploads, false, asProposer);
      blocs.markFlag(code, year, unit, "CO_TINH", d.code());
      created.add(d.code());
    }
    execution.setVariable("flagDossiers", created);
  }

  private byte[] minutes(String code, int year, String blocName, List<Bloc.Ranked> ranking, String note) {
    List<String> lines = new ArrayList<>();
    lines.add("Hội nghị tổng kết, bình xét thi đua năm " + year + " của " + blocName + " (" + code + ") đã chấm điểm "
        + ranking.size() + " đơn vị thành viên theo thang điểm " + blocs.scheme(code, year).name()
        + "; Phó khối đã rà soát và đồng ý" + (note == null || note.isBlank() ? "." : ": " + note));
    lines.add("Bảng xếp hạng (quy tắc phân định khi bằng điểm: bảng quyết định bloc-tie-break):");
    for (Bloc.Ranked r : ranking) {
      lines.add(r.rank() + ". " + service.unitName(r.unitCode()) + " (" + r.unitCode() + "): " + r.total().toPlainString()
          + " điểm" + (r.tieBreak() == null ? "" : "; xếp trên đơn vị kế tiếp theo tiêu chí " + r.tieBreak()));
    }
    return documents.render(decision.issuer(), "BIÊN BẢN", "Bình xét thi đua năm " + year + " – " + blocName, lines);
  }

  private static Upload pdf(DocumentType type, String name, byte[] bytes) {
    return new Upload(type, name, "application/pdf", bytes);
  }
}
