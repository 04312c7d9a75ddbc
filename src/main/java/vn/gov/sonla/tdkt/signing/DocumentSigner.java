package vn.gov.sonla.tdkt.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;

/**
 * Makes the detached CMS (CAdES) signature of a document's signed bytes with the organisation's certificate. The
 * PKCS#12 keystore is one implementation ({@link Pkcs12DocumentSigner}); a remote signing service or a hardware
 * token (USB token of the national CA, HSM) can replace it without touching the PDF code ({@link PdfSigning}).
 */
public interface DocumentSigner {

  /** The DER-encoded CMS SignedData (detached) over {@code content}, with the PAdES signed attributes. */
  byte[] sign(InputStream content) throws IOException;

  /** The signing certificate (its subject is printed as the signer of the PDF signature). */
  X509Certificate certificate();
}
