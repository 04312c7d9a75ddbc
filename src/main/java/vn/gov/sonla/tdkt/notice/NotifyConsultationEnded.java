package vn.gov.sonla.tdkt.notice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.notification.Notifications;

/**
 * "Báo Sở Nội vụ kết thúc lấy ý kiến": the consultation before the council of a dossier for an order or State
 * honour ended without an upheld objection; home-affairs learns that the next council session will take it.
 */
@Component("notifyConsultationEnded")
public class NotifyConsultationEnded implements JavaDelegate {

  static final String KIND = "CONSULTATION_ENDED";

  private final Notifications notifications;

  public NotifyConsultationEnded(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    notifications.send(Groups.HOME_AFFAIRS, code, KIND, "Hồ sơ " + code
        + " đã hết thời hạn lấy ý kiến trước khi Hội đồng xét, không có ý kiến phản ánh đúng; hồ sơ được đưa vào"
        + " chương trình phiên họp tiếp theo của Hội đồng Thi đua - Khen thưởng tỉnh.");
  }
}
