package vn.gov.sonla.tdkt.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * CMS SignedData for PAdES baseline B (ETSI EN 319 142-1): detached, SHA-256, signed attributes content-type,
 * message-digest and signing-certificate-v2, and no signing-time attribute (the time is the PDF signature's /M).
 */
final class CmsSignatures {

  private CmsSignatures() {}

  static byte[] sign(InputStream content, PrivateKey key, List<X509Certificate> chain) throws IOException {
    try {
      X509Certificate certificate = chain.get(0);
      ContentSigner contentSigner = new JcaContentSignerBuilder(
          "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA").build(key);
      AttributeTable signingCertificate = new AttributeTable(new ASN1EncodableVector() {
        {
          add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificateV2(
              certificate))));
        }
      });
      DefaultSignedAttributeTableGenerator attributes = new DefaultSignedAttributeTableGenerator(signingCertificate) {
        @Override
        @SuppressWarnings("rawtypes")
        public AttributeTable getAttributes(Map parameters) {
          return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
        }
      };
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
          .build()).setSignedAttributeGenerator(attributes).build(contentSigner, certificate));
      generator.addCertificates(new JcaCertStore(chain));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
      return signed.getEncoded();
    } catch (OperatorCreationException | CertificateEncodingException | CMSException e) {
      throw new IOException("Could not make the CMS signature: " + e.getMessage(), e);
    }
  }

  private static SigningCertificateV2 signingCertificateV2(X509Certificate certificate)
      throws CertificateEncodingException {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
          X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
      return new SigningCertificateV2(new ESSCertIDv2[] {
          new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial)});
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
