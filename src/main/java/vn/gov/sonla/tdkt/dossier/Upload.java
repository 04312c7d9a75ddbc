package vn.gov.sonla.tdkt.dossier;

/** A file received with a dossier, not yet stored. */
public record Upload(DocumentType type, String fileName, String contentType, byte[] bytes) {}
