package vn.gov.sonla.tdkt.identity;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in user's groups do not allow the action (403, with the Vietnamese reason as the problem's detail). An
 * {@link AccessDeniedException}: the features' access beans throw it from {@code @PreAuthorize} expressions so that
 * the refusal names what is needed, as the checks inside the controllers did.
 */
public class ForbiddenException extends AccessDeniedException {
  public ForbiddenException(String message) {
    super(message);
  }

  public static void requireGroup(CurrentUser user, String group, String action) {
    if (!user.groups().contains(group)) {
      throw new ForbiddenException("Chỉ " + action + ".");
    }
  }
}
