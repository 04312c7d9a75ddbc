package vn.gov.sonla.tdkt.notification;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;

@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

  private final Notifications notifications;
  private final CurrentUserProvider currentUser;

  public NotificationController(Notifications notifications, CurrentUserProvider currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  /** The signed-in user's notifications and those of their groups, newest first. */
  @GetMapping
  public List<Notification> mine() {
    CurrentUser user = currentUser.get();
    List<String> recipients = new ArrayList<>(user.groups());
    recipients.add(user.id());
    return notifications.forRecipients(recipients, 100);
  }
}
