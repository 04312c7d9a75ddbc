package vn.gov.sonla.tdkt.trail;

/**
 * What happened, in the words of the trail page and exports. The plain-language timeline shows the kinds a person
 * acts on or reads as an event of the dossier (who did what, with what result); the steps' technical record
 * (activity start and end, task creation, process data, operations of the engine) is in the full view only.
 */
public enum TrailKind {
  DOSSIER_CREATED("Lập hồ sơ"),
  DOSSIER_SUBMITTED("Nộp hồ sơ"),
  STEP_STARTED("Bắt đầu bước"),
  STEP_ENDED("Kết thúc bước"),
  TASK_CREATED("Tạo công việc"),
  TASK_CLAIMED("Nhận công việc"),
  TASK_UNCLAIMED("Trả lại công việc"),
  TASK_ASSIGNED("Giao công việc"),
  TASK_DELEGATED("Ủy quyền công việc"),
  TASK_RESOLVED("Hoàn tất phần được ủy quyền"),
  TASK_COMPLETED("Hoàn thành công việc"),
  TASK_CANCELLED("Hủy công việc"),
  USER_OPERATION("Thao tác"),
  VARIABLE_SET("Ghi dữ liệu"),
  VARIABLE_CHANGED("Sửa dữ liệu"),
  STATUS_CHANGED("Đổi trạng thái"),
  DECISION_EVALUATED("Xét bảng quyết định"),
  COMMENT("Ý kiến"),
  DOCUMENT_ADDED("Thêm tài liệu"),
  TIMER_FIRED("Hết hạn hẹn giờ"),
  JOB_FAILED("Tác vụ lỗi"),
  ESCALATION("Chuyển cấp trên"),
  INCIDENT("Sự cố"),
  INCIDENT_RESOLVED("Khắc phục sự cố"),
  COUNCIL_TALLY("Kết quả biểu quyết Hội đồng"),
  OBJECTION_FILED("Nhận phản ánh"),
  OBJECTION_REVIEWED("Xác minh phản ánh"),
  PROPOSAL_SUBMITTED("Trình đề nghị khen thưởng"),
  DECISION_ISSUED("Ban hành quyết định"),
  NOTIFICATION_SENT("Gửi thông báo");

  private final String label;

  TrailKind(String label) {
    this.label = label;
  }

  /** Whether the plain-language timeline shows this kind. */
  public boolean plain() {
    return switch (this) {
      case STEP_STARTED, STEP_ENDED, TASK_CREATED, TASK_UNCLAIMED, USER_OPERATION, VARIABLE_SET, VARIABLE_CHANGED,
          DECISION_EVALUATED, JOB_FAILED, INCIDENT_RESOLVED -> false;
      default -> true;
    };
  }

  public String label() {
    return label;
  }
}
