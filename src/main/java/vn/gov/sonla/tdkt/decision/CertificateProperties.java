package vn.gov.sonla.tdkt.decision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Certificates of merit (bằng khen).
 *
 * @param template the Mustache template of the certificate, e.g. {@code file:/etc/tdkt/bang-khen.mustache};
 *                 checked at start-up (see {@link CertificateDocument})
 */
@ConfigurationProperties("tdkt.certificate")
public record CertificateProperties(
    @DefaultValue(CertificateProperties.DEFAULT_TEMPLATE) Resource template) {

  public static final String DEFAULT_TEMPLATE = "classpath:certificates/bang-khen.mustache";
}
