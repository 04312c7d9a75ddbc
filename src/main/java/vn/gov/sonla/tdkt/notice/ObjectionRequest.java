package vn.gov.sonla.tdkt.notice;

/** An objection from the public: the dossier, who objects, how to reach them, and what. */
public record ObjectionRequest(String dossierCode, String name, String contact, String content) {}
