package vn.gov.sonla.tdkt.decision;

import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.dossier.DecisionLookup;
import vn.gov.sonla.tdkt.dossier.DossierNotFoundException;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierView;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;

/** The decision document of a dossier, for whoever may see the dossier. */
@RestController
public class DecisionController implements DecisionLookup {

  private final DecisionRepository decisions;
  private final DossierService dossiers;
  private final CurrentUserProvider currentUser;

  public DecisionController(DecisionRepository decisions, DossierService dossiers, CurrentUserProvider currentUser) {
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
    return decisions.forDossier(dossierCode).map(d -> new DossierView.DecisionView(d.number(), d.signedAt(),
        d.signedBy(), d.pdfSha256(), "/api/dossiers/" + dossierCode + "/decision"));
  }
}
