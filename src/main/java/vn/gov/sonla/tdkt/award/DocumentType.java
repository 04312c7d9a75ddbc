package vn.gov.sonla.tdkt.award;

/** Documents of a dossier (Law Art. 84 and 85). Which are required is decided by required-documents.dmn. */
public enum DocumentType {
  PROPOSAL_LETTER("Tờ trình đề nghị khen thưởng"),
  ACHIEVEMENT_REPORT("Báo cáo thành tích có xác nhận của cấp trên"),
  REVIEW_MINUTES("Biên bản họp Hội đồng Thi đua - Khen thưởng đơn vị (kết quả bỏ phiếu)"),
  INITIATIVE_PROOF("Minh chứng sáng kiến, đề tài khoa học được áp dụng"),
  CONCURRENCE("Văn bản hiệp y"),
  ACHIEVEMENT_SUMMARY("Tóm tắt thành tích"),
  SUPPLEMENT("Tài liệu bổ sung"),
  OTHER("Tài liệu khác");

  private final String label;

  DocumentType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
