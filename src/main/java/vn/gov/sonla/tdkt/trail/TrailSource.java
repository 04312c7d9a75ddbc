package vn.gov.sonla.tdkt.trail;

/** Where a trail entry comes from: a part of the engine's history or one of the project's tables. */
public enum TrailSource {
  DOSSIER("Hồ sơ (bảng dossier)"),
  ENGINE_ACTIVITY("Lịch sử bước (ACT_HI_ACTINST)"),
  ENGINE_TASK("Lịch sử công việc (ACT_HI_TASKINST, ACT_HI_IDENTITYLINK)"),
  ENGINE_USER_OPERATION("Nhật ký thao tác (ACT_HI_OP_LOG)"),
  ENGINE_VARIABLE("Lịch sử biến (ACT_HI_DETAIL)"),
  ENGINE_DECISION("Lịch sử bảng quyết định (ACT_HI_DECINST, ACT_HI_DEC_IN)"),
  ENGINE_COMMENT("Ý kiến (ACT_HI_COMMENT)"),
  ENGINE_INCIDENT("Sự cố (ACT_HI_INCIDENT)"),
  ENGINE_JOB("Nhật ký tác vụ (ACT_HI_JOB_LOG)"),
  DOCUMENT("Tài liệu (bảng dossier_document)"),
  COUNCIL("Hội đồng (bảng council_agenda_item)"),
  OBJECTION("Phản ánh (bảng objection)"),
  DECISION("Quyết định (bảng decision)"),
  NOTIFICATION("Thông báo (bảng notification)"),
  AUDIT_LOG("Nhật ký kiểm toán (bảng audit_record)");

  private final String label;

  TrailSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
