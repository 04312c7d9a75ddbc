package vn.gov.sonla.tdkt.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Adds a PAdES signature (subfilter ETSI.CAdES.detached) to a PDF with PDFBox's external signing: the signature
 * dictionary is written in an incremental update, the bytes it covers are handed to the {@link DocumentSigner}, and
 * its CMS is put in the reserved /Contents. Without a signer the PDF is returned as it is.
 */
public class PdfSigning {

  private static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
  /** Room for the CMS (hex-encoded in the PDF): the certificate chain of a national CA fits comfortably. */
  private static final int SIGNATURE_SIZE = 16_384;

  private final DocumentSigner signer;
  private final String organisation;

  public PdfSigning(DocumentSigner signer, String organisation) {
    this.signer = signer;
    this.organisation = organisation;
  }

  public boolean enabled() {
    return signer != null;
  }

  /** The signed PDF; {@code pdf} unchanged when no signer is configured. */
  public byte[] sign(byte[] pdf, String reason, String location, Calendar signedAt) {
    if (signer == null) {
      return pdf;
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(ETSI_CADES_DETACHED);
      signature.setName(organisation);
      signature.setReason(reason);
      signature.setLocation(location);
      signature.setSignDate(signedAt);
      SignatureOptions options = new SignatureOptions();
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      document.addSignature(signature, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      external.setSignature(signer.sign(external.getContent()));
      options.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not sign the PDF: " + e.getMessage(), e);
    }
  }
}
