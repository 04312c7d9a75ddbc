package vn.gov.sonla.tdkt.signing;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.springframework.stereotype.Component;

/**
 * Verifies the digital signatures of a PDF with PDFBox and Bouncy Castle: each signature's CMS over the byte
 * ranges it covers (message digest and signature value, with the certificate it carries, valid on the signing
 * date), and that the last signature covers the whole file (nothing was appended after it). Whether the
 * certificate chains to a trusted CA is not decided here: the signer's name is shown for the reader to judge.
 */
@Component
public class SignatureVerifier {

  public SignatureCheck verify(byte[] file) {
    if (file == null || file.length < 5 || !new String(file, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
        .equals("%PDF-")) {
      return new SignatureCheck(SignatureCheck.Status.NOT_PDF, null, null, 0, null);
    }
    PDDocument loaded;
    try {
      loaded = Loader.loadPDF(file);
    } catch (IOException | RuntimeException e) {
      // a file PDFBox cannot read: signed (a signature dictionary's byte range is there) means broken
      return contains(file, "/ByteRange")
          ? SignatureCheck.invalid(null, null, 0, "Không đọc được tài liệu đã ký số (tệp bị hỏng hoặc bị sửa).")
          : new SignatureCheck(SignatureCheck.Status.UNSIGNED, null, null, 0, null);
    }
    try (PDDocument document = loaded) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        return new SignatureCheck(SignatureCheck.Status.UNSIGNED, null, null, 0, null);
      }
      String signer = null;
      OffsetDateTime at = null;
      long coveredTo = 0;
      for (PDSignature signature : signatures) {
        int[] range = signature.getByteRange();
        at = time(signature.getSignDate());
        if (range == null || range.length != 4 || range[0] != 0 || range[2] + range[3] > file.length) {
          return SignatureCheck.invalid(signer, at, signatures.size(), "Phạm vi ký (ByteRange) không hợp lệ.");
        }
        CMSSignedData cms = cms(signature.getSignedContent(file), signature.getContents(file));
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
          return SignatureCheck.invalid(signer, at, signatures.size(), "Chữ ký không có đúng một người ký.");
        }
        SignerInformation info = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
        if (matches.isEmpty()) {
          return SignatureCheck.invalid(signer, at, signatures.size(), "Chữ ký không kèm chứng thư số của người ký.");
        }
        X509CertificateHolder certificate = matches.iterator().next();
        signer = commonName(certificate);
        if (at != null && !certificate.isValidOn(java.util.Date.from(at.toInstant()))) {
          return SignatureCheck.invalid(signer, at, signatures.size(),
              "Chứng thư số không còn hiệu lực vào thời điểm ký.");
        }
        if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
          return SignatureCheck.invalid(signer, at, signatures.size(),
              "Nội dung tài liệu đã bị thay đổi sau khi ký.");
        }
        coveredTo = Math.max(coveredTo, (long) range[2] + range[3]);
      }
      if (coveredTo != file.length) {
        return SignatureCheck.invalid(signer, at, signatures.size(), "Tài liệu có nội dung được thêm sau khi ký.");
      }
      return new SignatureCheck(SignatureCheck.Status.VALID, signer, at, signatures.size(), null);
    } catch (CMSException e) {
      return SignatureCheck.invalid(null, null, 0, "Nội dung tài liệu đã bị thay đổi sau khi ký.");
    } catch (IOException | RuntimeException | OperatorCreationException | CertificateException e) {
      return SignatureCheck.invalid(null, null, 0, "Không đọc được chữ ký số của tài liệu.");
    }
  }

  /**
   * The CMS of a signature: /Contents is reserved larger than the signature and padded with zeros, which Bouncy
   * Castle refuses as extra data after the structure, so only the first DER object is read.
   */
  public static CMSSignedData cms(byte[] signedContent, byte[] contents) throws CMSException, IOException {
    try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
      org.bouncycastle.asn1.ASN1Primitive first = in.readObject();
      if (first == null) {
        throw new CMSException("empty signature");
      }
      return new CMSSignedData(new CMSProcessableByteArray(signedContent),
          org.bouncycastle.asn1.cms.ContentInfo.getInstance(first));
    }
  }

  private static boolean contains(byte[] file, String text) {
    return new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
  }

  private static OffsetDateTime time(Calendar calendar) {
    return calendar == null ? null : OffsetDateTime.ofInstant(calendar.toInstant(), ZoneOffset.UTC);
  }

  private static String commonName(X509CertificateHolder certificate) {
    RDN[] names = certificate.getSubject().getRDNs(BCStyle.CN);
    return names.length == 0 ? certificate.getSubject().toString()
        : IETFUtils.valueToString(names[0].getFirst().getValue());
  }
}
