package vn.gov.sonla.tdkt.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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

  /** The signed-in user's notifications and those of their groups, newest first, with whether they read each. */
  @GetMapping
  public List<NotificationView> mine() {
    CurrentUser user = currentUser.get();
    return notifications.forReader(user.id(), recipients(user), 100);
  }

  /** How many of the signed-in user's notifications are unread (for the header's badge). */
  @GetMapping("/unread-count")
  public Map<String, Long> unreadCount() {
    CurrentUser user = currentUser.get();
    return Map.of("unread", notifications.unread(user.id(), recipients(user)));
  }

  /** Marks all of them read for the signed-in user. */
  @PostMapping("/read")
  public Map<String, Integer> markRead() {
    CurrentUser user = currentUser.get();
    return Map.of("marked", notifications.markAllRead(user.id(), recipients(user)));
  }

  private static List<String> recipients(CurrentUser user) {
    List<String> recipients = new ArrayList<>(user.groups());
    recipients.add(user.id());
    return recipients;
  }
}
