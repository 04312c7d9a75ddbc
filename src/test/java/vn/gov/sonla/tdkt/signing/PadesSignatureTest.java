package vn.gov.sonla.tdkt.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.sonla.tdkt.decision.DecisionDocument;
import vn.gov.sonla.tdkt.decision.DecisionDocumentFixtures;

/** The decision PDF carries a PAdES signature that PDFBox and Bouncy Castle verify, and a changed byte breaks. */
class PadesSignatureTest {

  @TempDir Path dir;

  private final SignatureVerifier verifier = new SignatureVerifier();

  private PdfSigning signing() {
    Path keystore = DemoCertificate.ensure(dir.resolve("signing/demo.p12"), "Ủy ban nhân dân tỉnh Sơn La");
    return new PdfSigning(new Pkcs12DocumentSigner(keystore, DemoCertificate.PASSWORD), "Ủy ban nhân dân tỉnh Sơn La");
  }

  private static byte[] decision() {
    return new DecisionDocument().render(DecisionDocumentFixtures.sample());
  }

  @Test
  void theSignedDecisionVerifiesWithPdfBoxAndBouncyCastle() throws Exception {
    byte[] unsigned = decision();
    byte[] signed = signing().sign(unsigned, "Ban hành Quyết định số 12/QĐ-UBND", "Sơn La", Calendar.getInstance());

    try (PDDocument document = Loader.loadPDF(signed)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertThat(signatures).hasSize(1);
      PDSignature signature = signatures.get(0);
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      int[] range = signature.getByteRange();
      assertThat(range[0]).isZero();
      assertThat((long) range[2] + range[3]).isEqualTo(signed.length);
      // independent of SignatureVerifier: the CMS over the signed byte ranges, with the certificate it carries
      // (/Contents is zero-padded: the first DER object is the CMS)
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)),
          org.bouncycastle.asn1.cms.ContentInfo.getInstance(new org.bouncycastle.asn1.ASN1InputStream(
              signature.getContents(signed)).readObject()));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
      assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificates.iterator().next())))
          .isTrue();
      // PAdES baseline B: signing-certificate-v2 signed, no signing-time attribute (the time is the dictionary's /M)
      assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
      assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
      assertThat(signature.getSignDate()).isNotNull();
    }

    SignatureCheck check = verifier.verify(signed);
    assertThat(check.status()).isEqualTo(SignatureCheck.Status.VALID);
    assertThat(check.signer()).contains("Ủy ban nhân dân tỉnh Sơn La");
    assertThat(check.signedAt()).isNotNull();
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(Path.of("target", "screenshots", "decision-signed.pdf"), signed);
  }

  @Test
  void aByteChangedAfterSigningFailsVerification() {
    byte[] signed = signing().sign(decision(), "Ban hành", "Sơn La", Calendar.getInstance());
    int[] range = byteRange(signed);

    byte[] inText = signed.clone();
    int inside = range[1] / 2; // inside the first signed range (the decision's content)
    inText[inside] = (byte) (inText[inside] ^ 0x01);
    assertThat(verifier.verify(inText).status()).isEqualTo(SignatureCheck.Status.INVALID);

    byte[] inSignature = signed.clone();
    int hex = range[1] + 200; // inside /Contents, the signature value
    inSignature[hex] = (byte) (inSignature[hex] == '0' ? '1' : '0');
    assertThat(verifier.verify(inSignature).status()).isEqualTo(SignatureCheck.Status.INVALID);

    byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 10);
    System.arraycopy("\n% added\n".getBytes(), 0, appended, signed.length, 9);
    SignatureCheck check = verifier.verify(appended);
    assertThat(check.status()).isEqualTo(SignatureCheck.Status.INVALID);
    assertThat(check.problem()).isNotBlank();
  }

  @Test
  void anUnsignedPdfAndOtherFilesAreToldApart() throws IOException {
    assertThat(verifier.verify(decision()).status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
    assertThat(verifier.verify("PK\u0003\u0004 a word file".getBytes()).status())
        .isEqualTo(SignatureCheck.Status.NOT_PDF);
    assertThat(verifier.verify("%PDF-1.7 not a whole file".getBytes()).status())
        .isEqualTo(SignatureCheck.Status.UNSIGNED);
    assertThat(verifier.verify("%PDF-1.7 /ByteRange [0 10 20 30] cut".getBytes()).status())
        .isEqualTo(SignatureCheck.Status.INVALID);
    // without a signer the PDF is issued as it is
    byte[] pdf = decision();
    assertThat(new PdfSigning(null, "x").sign(pdf, "r", "l", Calendar.getInstance())).isSameAs(pdf);
  }

  @Test
  void theDemoCertificateIsMadeOnceAndKept() throws IOException {
    Path file = dir.resolve("demo/keystore.p12");
    DemoCertificate.ensure(file, "Ủy ban nhân dân tỉnh Sơn La");
    byte[] first = Files.readAllBytes(file);
    DemoCertificate.ensure(file, "Ủy ban nhân dân tỉnh Sơn La");
    assertThat(Files.readAllBytes(file)).isEqualTo(first);
    assertThat(new Pkcs12DocumentSigner(file, DemoCertificate.PASSWORD).certificate().getSubjectX500Principal()
        .getName()).contains("Sơn La");
  }

  private static int[] byteRange(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getSignatureDictionaries().get(0).getByteRange();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
