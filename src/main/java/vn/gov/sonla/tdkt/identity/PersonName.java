package vn.gov.sonla.tdkt.identity;

import org.camunda.bpm.engine.identity.User;

/**
 * A person's full name as Vietnamese write it: family name, middle name(s), given name — "Nguyễn Thị Lan".
 *
 * <p>Camunda's user has {@code firstName} and {@code lastName} and its webapps (Tasklist, Cockpit, Admin) always
 * print "firstName lastName". The project therefore stores <b>family and middle names in {@code firstName}</b>
 * ("Nguyễn Thị") and the <b>given name in {@code lastName}</b> ("Lan"): every Camunda screen and every page of the
 * project then writes the name the same way, with no patch to the webapps. Sorting a list of users by
 * {@code lastName} sorts by given name, which is also how Vietnamese lists of people are ordered (by tên, then by
 * họ and đệm). Admin's forms label the two fields "Họ và tên đệm" and "Tên" accordingly.
 *
 * <p>This is the one formatter of names: pages, API answers, PDFs and notifications use it, never a login id.
 */
public final class PersonName {

  private PersonName() {}

  /** "Nguyễn Thị Lan" from family-and-middle names and given name; blank parts are left out. */
  public static String of(String familyAndMiddle, String given) {
    return (strip(familyAndMiddle) + " " + strip(given)).strip().replaceAll("\\s+", " ");
  }

  /** The user's full name; null when the user is null or has no name. */
  public static String of(User user) {
    if (user == null) {
      return null;
    }
    String name = of(user.getFirstName(), user.getLastName());
    return name.isEmpty() ? null : name;
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
