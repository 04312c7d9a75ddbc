package vn.gov.sonla.tdkt.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The demo profile's self-signed certificate of the organisation, made once and kept in a PKCS#12 file. */
final class DemoCertificate {

  static final char[] PASSWORD = "demo".toCharArray();

  private DemoCertificate() {}

  /** Creates the keystore unless it exists; returns its path. */
  static Path ensure(Path file, String organisation) {
    if (Files.isRegularFile(file)) {
      return file;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
          .addRDN(BCStyle.CN, organisation + " (chứng thư thử nghiệm)")
          .addRDN(BCStyle.O, organisation)
          .addRDN(BCStyle.L, "Sơn La")
          .addRDN(BCStyle.C, "VN").build();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("demo", pair.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "demo-signing", ".tmp");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        store.store(out, PASSWORD);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        Files.deleteIfExists(temporary);
        if (!Files.isRegularFile(file)) {
          throw raced;
        }
      }
      return file;
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Could not make the demo signing certificate at " + file + ": "
          + e.getMessage(), e);
    }
  }
}
