package vn.gov.sonla.tdkt.identity;

import org.springframework.http.HttpStatus;
import vn.gov.sonla.tdkt.kernel.Problem;

/** The signed-in user's groups do not allow the action (403). */
public class ForbiddenException extends Problem {
  public ForbiddenException(String message) {
    super(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", message);
  }

  public static void requireGroup(CurrentUser user, String group, String action) {
    if (!user.groups().contains(group)) {
      throw new ForbiddenException("Chỉ " + action + ".");
    }
  }
}
