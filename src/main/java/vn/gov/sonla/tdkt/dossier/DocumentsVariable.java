package vn.gov.sonla.tdkt.dossier;

import static org.camunda.spin.Spin.JSON;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dossier's documents as the task forms show them ({@code documents}, {@code supplementDocuments}): name, type,
 * label and a link through the authorising download endpoint.
 */
public final class DocumentsVariable {

  private DocumentsVariable() {}

  /** Every document of the list, as a JSON variable. */
  public static Object of(String code, List<StoredDocument> documents) {
    List<Map<String, Object>> list = documents.stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.fileName());
      m.put("type", d.type().name());
      m.put("typeLabel", d.type().label());
      m.put("url", "/api/dossiers/" + code + "/documents/" + d.id());
      m.put("sha256", d.sha256());
      return m;
    }).toList();
    return JSON(list);
  }

  /** The documents uploaded at or after {@code since} (a supplement round's files), as a JSON variable. */
  public static Object since(String code, List<StoredDocument> documents, OffsetDateTime since) {
    return of(code, documents.stream().filter(d -> !d.uploadedAt().isBefore(since)).toList());
  }
}
