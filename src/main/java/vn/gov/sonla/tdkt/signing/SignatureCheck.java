package vn.gov.sonla.tdkt.signing;

import java.time.OffsetDateTime;

/**
 * What verifying a document's digital signatures found.
 *
 * @param status  {@code VALID}: every signature verifies and the last covers the whole file; {@code INVALID}: a
 *                signature does not verify, or the file was changed after it; {@code UNSIGNED}: no signature;
 *                {@code NOT_PDF}: not a PDF (other documents are not checked)
 * @param signer  subject (CN) of the last signature's certificate, when there is one
 * @param problem why it is invalid, in Vietnamese
 */
public record SignatureCheck(Status status, String signer, OffsetDateTime signedAt, int signatures, String problem) {

  public enum Status {
    VALID("Chữ ký số hợp lệ"),
    INVALID("Chữ ký số không hợp lệ"),
    UNSIGNED("Không có chữ ký số"),
    NOT_PDF("Không kiểm tra (không phải tệp PDF)");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean valid() {
    return status == Status.VALID;
  }

  static SignatureCheck invalid(String signer, OffsetDateTime at, int signatures, String problem) {
    return new SignatureCheck(Status.INVALID, signer, at, signatures, problem);
  }
}
