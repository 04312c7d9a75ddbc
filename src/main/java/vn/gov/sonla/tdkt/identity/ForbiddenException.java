package vn.gov.sonla.tdkt.identity;

/** The signed-in user's groups do not allow the action (403). */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }

  public static void requireGroup(CurrentUser user, String group, String action) {
    if (!user.groups().contains(group)) {
      throw new ForbiddenException("Chỉ " + action + ".");
    }
  }
}
