package vn.gov.sonla.tdkt.signing;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organisation's signer: the PKCS#12 keystore of {@code TDKT_SIGNING_KEYSTORE} when given; otherwise, where
 * {@code tdkt.signing.demo-keystore} is set (demo profile), a self-signed demo certificate made at first start;
 * otherwise none, and decisions are issued unsigned (a warning at start-up; the dossier page says "chưa ký số").
 */
@Configuration(proxyBeanMethods = false)
class SigningConfig {

  private static final Logger LOG = LoggerFactory.getLogger(SigningConfig.class);

  @Bean
  PdfSigning pdfSigning(SigningProperties properties) {
    return new PdfSigning(signer(properties).orElse(null), properties.organisation());
  }

  static Optional<DocumentSigner> signer(SigningProperties properties) {
    if (properties.configured()) {
      String password = properties.password() == null ? "" : properties.password();
      DocumentSigner signer = new Pkcs12DocumentSigner(Path.of(properties.keystore()), password.toCharArray());
      LOG.info("Decisions are signed with {}", signer.certificate().getSubjectX500Principal().getName());
      return Optional.of(signer);
    }
    if (properties.demo()) {
      Path file = DemoCertificate.ensure(Path.of(properties.demoKeystore()), properties.organisation());
      LOG.info("Decisions are signed with the demo certificate in {} (self-signed, for demonstration only)", file);
      return Optional.of(new Pkcs12DocumentSigner(file, DemoCertificate.PASSWORD));
    }
    LOG.warn("No signing keystore (TDKT_SIGNING_KEYSTORE): decisions are issued without a digital signature");
    return Optional.empty();
  }
}
