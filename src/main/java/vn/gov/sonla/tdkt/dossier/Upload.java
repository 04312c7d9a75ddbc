package vn.gov.sonla.tdkt.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import vn.gov.sonla.tdkt.award.DocumentType;

/**
 * A file received with a dossier, not yet stored. Its content is a source read as a stream (for a request part:
 * the temporary file Tomcat wrote it to), never held whole in memory: checked, hashed and stored by streaming.
 */
public record Upload(DocumentType type, String fileName, String contentType, long size, InputStreamSource content) {

  /** A file already in memory (generated documents, tests). */
  public Upload(DocumentType type, String fileName, String contentType, byte[] bytes) {
    this(type, fileName, contentType, bytes.length, new ByteArrayResource(bytes));
  }

  /** A new stream over the content; the caller closes it. */
  public InputStream open() {
    try {
      return content.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code n} bytes (fewer if the file is shorter). */
  public byte[] head(int n) {
    try (InputStream in = open()) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The whole content when it is a PDF (starts with {@code %PDF-}), for the signature check, which needs it in
   * memory; otherwise the first five bytes only (enough to tell it is not a PDF).
   */
  public byte[] pdfBytes() {
    byte[] head = head(5);
    if (!"%PDF-".equals(new String(head, java.nio.charset.StandardCharsets.US_ASCII))) {
      return head;
    }
    try (InputStream in = open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 of the content in hex, read as a stream. */
  public String sha256() {
    try (InputStream in = open()) {
      return org.apache.commons.codec.digest.DigestUtils.sha256Hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
