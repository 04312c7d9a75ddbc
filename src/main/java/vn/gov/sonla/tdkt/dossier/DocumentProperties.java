package vn.gov.sonla.tdkt.dossier;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Limits on uploaded documents. */
@ConfigurationProperties("tdkt.documents")
public record DocumentProperties(DataSize maxFileSize, List<String> allowedTypes) {
  public DocumentProperties {
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
    allowedTypes = allowedTypes == null ? List.of("application/pdf") : List.copyOf(allowedTypes);
  }
}
