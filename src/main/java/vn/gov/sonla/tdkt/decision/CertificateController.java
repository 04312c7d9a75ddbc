package vn.gov.sonla.tdkt.decision;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardRecord;
import vn.gov.sonla.tdkt.award.AwardRegister;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/** The certificate of merit (bằng khen) of an awarded dossier, for whoever may see the dossier. */
@RestController
public class CertificateController {

  private final DossierService dossiers;
  private final CurrentUserProvider currentUser;
  private final AwardRegister register;
  private final AwardCatalog catalog;
  private final DecisionRepository decisions;
  private final IdentityService identity;
  private final EngineAuthentication engineAuthentication;
  private final DecisionProperties properties;
  private final CertificateDocument document;

  public CertificateController(DossierService dossiers, CurrentUserProvider currentUser, AwardRegister register,
      AwardCatalog catalog, DecisionRepository decisions, IdentityService identity,
      EngineAuthentication engineAuthentication, DecisionProperties properties, CertificateDocument document) {
    this.dossiers = dossiers;
    this.currentUser = currentUser;
    this.register = register;
    this.catalog = catalog;
    this.decisions = decisions;
    this.identity = identity;
    this.engineAuthentication = engineAuthentication;
    this.properties = properties;
    this.document = document;
  }

  /** The award certificate of an awarded dossier as a PDF. */
  @GetMapping("/api/dossiers/{code}/certificate")
  public ResponseEntity<byte[]> pdf(@PathVariable String code) {
    Dossier dossier = dossiers.visible(code, currentUser.get());
    AwardRecord entry = dossier.status() != DossierStatus.AWARDED ? null
        : register.forDossier(code).stream().findFirst().orElse(null);
    if (entry == null) {
      throw new DossierNotFoundException(code, "Hồ sơ " + code + " chưa được khen thưởng nên chưa có bằng khen.");
    }
    // the signer's name: the Chairman's user record, which the project's access rule above already allows
    String chairman = decisions.forDossier(code)
        .map(d -> engineAuthentication.asSystem(() -> IssueDecision.fullName(identity, d.signedBy())))
        .orElse(null);
    byte[] pdf = document.render(
        CertificateContent.of(dossier, catalog.get(dossier.awardType()), entry, chairman, properties));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("BK-" + code + ".pdf").build().toString())
        .body(pdf);
  }
}
