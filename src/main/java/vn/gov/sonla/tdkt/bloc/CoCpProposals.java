package vn.gov.sonla.tdkt.bloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.award.DeclaredFacts;
import vn.gov.sonla.tdkt.award.DocumentType;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierRequest;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.Upload;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/**
 * The Government Emulation Flag (CO_CP, Law Art. 25): home-affairs proposes, from among the year's holders of the
 * provincial flag won through a bloc (their CO_TINH dossier AWARDED), the most outstanding; each becomes a CO_CP
 * dossier of that unit in the pipeline, which the province submits to the State.
 */
@Service
public class CoCpProposals {

  public record CoCpRequest(Integer year, String unitCode, String achievements) {}

  private final BlocRepository blocs;
  private final BlocService service;
  private final DossierRepository dossierRepository;
  private final DossierService dossiers;
  private final BlocDocuments documents;
  private final DecisionProperties decision;
  private final EngineAuthentication engine;

  public CoCpProposals(BlocRepository blocs, BlocService service, DossierRepository dossierRepository,
      DossierService dossiers, BlocDocuments documents, DecisionProperties decision, EngineAuthentication engine) {
    this.engine = engine;
    this.blocs = blocs;
    this.service = service;
    this.dossierRepository = dossierRepository;
    this.dossiers = dossiers;
    this.documents = documents;
    this.decision = decision;
  }

  /** The year's flag holders: bloc, unit and their awarded CO_TINH dossier. */
  public List<String[]> holders(int year) {
    List<String[]> out = new ArrayList<>();
    for (Bloc.Info b : blocs.all()) {
      for (Bloc.Ranked r : blocs.ranking(b.code(), year)) {
        if ("CO_TINH".equals(r.flagProposed()) && r.dossierCode() != null && dossierRepository.find(r.dossierCode())
            .map(d -> d.status() == DossierStatus.AWARDED).orElse(false)) {
          out.add(new String[] {b.code(), r.unitCode(), r.dossierCode()});
        }
      }
    }
    return out;
  }

  @Transactional
  public Dossier propose(CoCpRequest r, CurrentUser user) {
    if (!BlocService.manages(user)) {
      throw new ForbiddenException("Chỉ Sở Nội vụ đề nghị tặng Cờ thi đua của Chính phủ.");
    }
    if (r.year() == null || r.unitCode() == null) {
      throw new InvalidInputException("Cần năm và đơn vị.", List.of(new FieldProblem("unitCode", "Chưa chọn đơn vị.")));
    }
    Optional<String[]> holder = holders(r.year()).stream().filter(h -> h[1].equals(r.unitCode().strip())).findFirst();
    if (holder.isEmpty()) {
      throw new InvalidInputException("Cờ thi đua của Chính phủ chỉ xét trong số đơn vị đã được tặng Cờ thi đua của UBND"
          + " tỉnh năm " + r.year() + ".", List.of(new FieldProblem("unitCode", "Đơn vị " + r.unitCode()
              + " không được tặng Cờ thi đua của UBND tỉnh năm " + r.year() + " qua cụm, khối thi đua.")));
    }
    String bloc = holder.get()[0];
    String unit = holder.get()[1];
    String name = service.unitName(unit);
    Bloc.Ranked ranked = blocs.ranking(bloc, r.year()).stream().filter(x -> x.unitCode().equals(unit)).findFirst()
        .orElseThrow();
    String achievements = r.achievements() != null && !r.achievements().isBlank() ? r.achievements().strip()
        : "Dẫn đầu " + service.bloc(bloc).name() + " năm " + r.year() + " (" + ranked.total().toPlainString()
            + " điểm), được tặng Cờ thi đua của UBND tỉnh (hồ sơ " + holder.get()[2] + "); tiêu biểu xuất sắc trong"
            + " các tập thể dẫn đầu cụm, khối thi đua của tỉnh.";
    Bloc.SelfAssessment self = blocs.selfAssessment(bloc, r.year(), unit).orElse(null);
    List<Upload> uploads = List.of(
        new Upload(DocumentType.PROPOSAL_LETTER, "to-trinh-co-chinh-phu.pdf", "application/pdf",
            documents.render(decision.issuer(), "TỜ TRÌNH", "Đề nghị tặng Cờ thi đua của Chính phủ năm " + r.year(),
                List.of("Đề nghị tặng Cờ thi đua của Chính phủ cho " + name + ". " + achievements))),
        new Upload(DocumentType.ACHIEVEMENT_REPORT, "bao-cao-thanh-tich-" + unit + ".pdf", "application/pdf",
            documents.render(name, "BÁO CÁO THÀNH TÍCH", "Năm " + r.year(),
                List.of(self == null ? achievements : self.report()))),
        new Upload(DocumentType.REVIEW_MINUTES, "bien-ban-" + bloc + "-" + r.year() + ".pdf", "application/pdf",
            documents.render(decision.issuer(), "BIÊN BẢN", "Bình xét thi đua năm " + r.year() + " – " + bloc,
                blocs.ranking(bloc, r.year()).stream().map(x -> x.rank() + ". " + service.unitName(x.unitCode())
                    + ": " + x.total().toPlainString() + " điểm").toList())));
    DossierRequest request = new DossierRequest(unit, "CO_CP", "ANNUAL", r.year(), "COLLECTIVE", name, null, null, null,
        achievements).withRole("COLLECTIVE").withFacts(new DeclaredFacts(null, null, null, null, null, null, null, true));
    // home-affairs holds no right to start dossier processes in the engine: the intake runs as the system, after
    // the checks above, on behalf of the unit
    return engine.asSystem(() -> dossiers.create(request, uploads, false,
        new CurrentUser(user.id(), Set.of(Groups.unit(unit)))));
  }
}
