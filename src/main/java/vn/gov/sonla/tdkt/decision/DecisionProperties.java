package vn.gov.sonla.tdkt.decision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How decisions are headed and signed. */
@ConfigurationProperties("tdkt.decision")
public record DecisionProperties(String issuer, String place, String signerTitle) {}
