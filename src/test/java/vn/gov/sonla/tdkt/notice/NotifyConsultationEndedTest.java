package vn.gov.sonla.tdkt.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import vn.gov.sonla.tdkt.notification.Notifications;

/** Home-affairs learns that a dossier's consultation before the council ended and the council may take it. */
class NotifyConsultationEndedTest {

  @Test
  void homeAffairsIsToldWhichDossierTheNextSessionTakes() throws Exception {
    Notifications notifications = mock(Notifications.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn("2026-sgddt-0007");

    new NotifyConsultationEnded(notifications).execute(execution);

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    verify(notifications).send(eq("home-affairs"), eq("2026-sgddt-0007"), eq("CONSULTATION_ENDED"), message.capture());
    assertThat(message.getValue()).startsWith("Hồ sơ 2026-sgddt-0007 đã hết thời hạn lấy ý kiến trước khi Hội đồng xét")
        .contains("không có ý kiến phản ánh đúng");
  }
}
