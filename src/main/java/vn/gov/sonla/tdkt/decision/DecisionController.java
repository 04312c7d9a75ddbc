package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.award.RewardMoney;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.dossier.DecisionLookup;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.dossier.DossierView;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.PersonNames;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.signing.SignatureCheck;
import vn.gov.sonla.tdkt.signing.SignatureVerifier;

/** The decision document of a dossier, for whoever may see the dossier. */
@RestController
public class DecisionController implements DecisionLookup {

  private final DecisionRepository decisions;
  private final DossierService dossiers;
  private final CurrentUserProvider currentUser;
  private final DossierRepository dossierRecords;
  private final RewardMoney rewardMoney;
  private final CalendarProperties calendar;
  private final PersonNames names;
  private final SignatureVerifier verifier;

  public DecisionController(DecisionRepository decisions, DossierService dossiers, CurrentUserProvider currentUser,
      DossierRepository dossierRecords, RewardMoney rewardMoney,
      CalendarProperties calendar, PersonNames names, SignatureVerifier verifier) {
    this.verifier = verifier;
    this.dossierRecords = dossierRecords;
    this.rewardMoney = rewardMoney;
    this.calendar = calendar;
    this.names = names;
    this.decisions = decisions;
    this.dossiers = dossiers;
    this.currentUser = currentUser;
  }

  /** The decision (quyết định) that awarded the dossier, as the issued PDF with its SHA-256 in X-Content-SHA256. */
  @GetMapping("/api/dossiers/{code}/decision")
  public ResponseEntity<byte[]> pdf(@PathVariable String code) {
    dossiers.visible(code, currentUser.get());
    Decision decision = decisions.forDossier(code).orElseThrow(() -> new DossierNotFoundException(code));
    String fileName = "QD-" + decision.number().replace("/", "-").replace("Đ", "D") + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .header("X-Content-SHA256", decision.pdfSha256())
        .body(decisions.pdf(decision.id()));
  }

  @Override
  public Optional<DossierView.DecisionView> forDossier(String dossierCode) {
    return decisions.forDossier(dossierCode).map(d -> {
      Dossier dossier = dossierRecords.find(dossierCode).orElse(null);
      boolean awarded = dossier != null && dossier.status() == DossierStatus.AWARDED;
      Long amount = null;
      String basis = null;
      if (awarded && d.signedAt() != null) {
        LocalDate on = d.signedAt().atZoneSameInstant(calendar.zone()).toLocalDate();
        var money = dossier.awardType() == null || dossier.subjectKind() == null ? null
            : rewardMoney.amount(dossier.awardType(), dossier.subjectKind().name(), on).orElse(null);
        if (money != null) {
          // rounded per the rule in force on the signing date: the amount of the decision's Article 2
          amount = money.amount();
          basis = money.coefficientBasis() + "; " + money.baseSalaryBasis() + "; " + money.roundingBasis();
        }
      }
      // verified on every read: a PDF changed in the database after signing shows as invalid
      SignatureCheck check = verifier.verify(decisions.pdf(d.id()));
      return new DossierView.DecisionView(d.number(), d.signedAt(), d.signedBy(), names.of(d.signedBy()),
          d.pdfSha256(), "/api/dossiers/" + dossierCode + "/decision",
          awarded ? "/api/dossiers/" + dossierCode + "/certificate" : null, amount, basis, check.valid(),
          check.status().name(), check.status() == SignatureCheck.Status.INVALID && check.problem() != null
              ? check.status().label() + ": " + check.problem() : check.status().label(),
          check.signer());
    });
  }
}
