package vn.gov.sonla.tdkt.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Signs with the first private key of a PKCS#12 keystore (its certificate chain is embedded in the signature). */
public class Pkcs12DocumentSigner implements DocumentSigner {

  private final PrivateKey key;
  private final List<X509Certificate> chain;

  public Pkcs12DocumentSigner(Path keystore, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          this.key = (PrivateKey) store.getKey(alias, password);
          Certificate[] certificates = store.getCertificateChain(alias);
          this.chain = Arrays.stream(certificates).map(X509Certificate.class::cast).toList();
          return;
        }
      }
      throw new IllegalStateException("The signing keystore " + keystore + " holds no private key");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not open the signing keystore " + keystore
          + " (TDKT_SIGNING_KEYSTORE, TDKT_SIGNING_PASSWORD): " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] sign(InputStream content) throws IOException {
    return CmsSignatures.sign(content, key, chain);
  }

  @Override
  public X509Certificate certificate() {
    return chain.get(0);
  }
}
