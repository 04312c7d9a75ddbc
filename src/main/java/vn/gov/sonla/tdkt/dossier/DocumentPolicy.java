package vn.gov.sonla.tdkt.dossier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.kernel.FieldProblem;

/**
 * Checks uploads before anything is stored: size, declared type, and that the bytes really are of
 * that type (the file's signature), so a renamed executable is not accepted as a PDF.
 */
@Component
public class DocumentPolicy {

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final Map<String, byte[]> SIGNATURES = Map.of(
      "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
      DOCX, new byte[] {'P', 'K', 3, 4},
      "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  /** Longest file name accepted (characters): what file systems and the document table keep. */
  public static final int MAX_FILE_NAME_LENGTH = 255;

  private final DocumentProperties properties;

  public DocumentPolicy(DocumentProperties properties) {
    this.properties = properties;
  }

  public List<FieldProblem> check(List<Upload> uploads) {
    List<FieldProblem> problems = new ArrayList<>();
    for (Upload upload : uploads) {
      String field = "documents." + upload.type().name();
      String name = upload.fileName() == null || upload.fileName().isBlank() ? "(không tên)" : upload.fileName();
      String type = upload.contentType() == null ? "" : upload.contentType().toLowerCase();
      if (name.length() > MAX_FILE_NAME_LENGTH) {
        problems.add(new FieldProblem(field, "Tên tệp " + name.substring(0, 40) + "… dài " + name.length()
            + " ký tự: tên tệp tối đa " + MAX_FILE_NAME_LENGTH + " ký tự."));
      } else if (upload.size() == 0) {
        problems.add(new FieldProblem(field, "Tệp " + name + " rỗng."));
      } else if (upload.size() > properties.maxFileSize().toBytes()) {
        problems.add(new FieldProblem(field, "Tệp " + name + " vượt quá dung lượng cho phép ("
            + properties.maxFileSize().toMegabytes() + " MB)."));
      } else if (!properties.allowedTypes().contains(type)) {
        problems.add(new FieldProblem(field, "Tệp " + name
            + " không đúng định dạng cho phép (PDF, DOCX, JPEG, PNG)."));
      } else if (!hasSignature(upload, type)) {
        problems.add(new FieldProblem(field, "Nội dung tệp " + name + " không khớp với định dạng " + type + "."));
      }
    }
    return problems;
  }

  private static boolean hasSignature(Upload upload, String type) {
    byte[] signature = SIGNATURES.get(type);
    return signature == null || Arrays.equals(upload.head(signature.length), signature);
  }
}
