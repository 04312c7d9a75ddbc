package vn.gov.sonla.tdkt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** An objection during the consultation before the council is announced as such, not as one on the notice. */
class ConsultationTaskNotificationTest {

  @Test
  void theConsultationsVerificationTaskHasItsOwnKindAndSubject() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getTaskDefinitionKey()).thenReturn("Task_VerifyConsultationObjection");
    assertThat(TaskNotifications.kind(task)).isEqualTo("CONSULTATION_OBJECTION_FILED");
    assertThat(NotificationMailer.SUBJECTS).containsEntry("CONSULTATION_OBJECTION_FILED",
        "Có ý kiến phản ánh về hồ sơ đang lấy ý kiến").containsKey("CONSULTATION_ENDED");

    when(task.getTaskDefinitionKey()).thenReturn("Task_VerifyObjection");
    assertThat(TaskNotifications.kind(task)).isEqualTo("OBJECTION_FILED");
  }
}
