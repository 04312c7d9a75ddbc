package vn.gov.sonla.tdkt.dossier;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;

/**
 * The client's key of one intake request, header {@code Idempotency-Key}
 * (draft-ietf-httpapi-idempotency-key-header). A client that lost the response to
 * {@code POST /api/dossiers} (a timeout, a broken connection, a server that died) sends the same request
 * again with the same key and receives the dossier its first attempt created, instead of a second dossier
 * or a 409 it cannot tell from a real duplicate. Keys belong to the user who sends them and are kept with
 * the dossier they created.
 */
public record IdempotencyKey(String value) {

  public static final String HEADER = "Idempotency-Key";
  /** Response header of a replayed request (the dossier was created by an earlier request with this key). */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  static final int MAX_LENGTH = 255;

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  /**
   * The header's value, sent as a structured-field string ({@code "…"}, as the draft writes it) or bare;
   * null when the header is absent. A value that is empty, longer than 255 characters or not printable
   * ASCII is refused on the field {@code Idempotency-Key}.
   */
  public static IdempotencyKey parse(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    if (value.isEmpty() || value.length() > MAX_LENGTH
        || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
      throw new InvalidDossierException(List.of(new FieldProblem(HEADER,
          "Khóa Idempotency-Key phải gồm từ 1 đến " + MAX_LENGTH
              + " ký tự ASCII in được, không có khoảng trắng, dấu nháy kép hay dấu gạch chéo ngược.")));
    }
    return new IdempotencyKey(value);
  }

  /**
   * SHA-256 of what the request asks for: its fields, whether it is a draft, and each document's type,
   * file name, content type and SHA-256 (in a fixed order, whatever the order of the parts).
   */
  public static String fingerprint(DossierRequest request, List<Upload> uploads, boolean draft) {
    List<Map<String, Object>> documents = uploads.stream()
        .map(u -> {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("type", u.type().name());
          d.put("fileName", u.fileName());
          d.put("contentType", u.contentType());
          d.put("sha256", u.sha256());
          return d;
        })
        .sorted(Comparator.comparing(Object::toString))
        .toList();
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("request", request);
    canonical.put("draft", draft);
    canonical.put("documents", documents);
    try {
      return DossierService.sha256(CANONICAL.writeValueAsBytes(canonical));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the request for its fingerprint", e);
    }
  }
}
