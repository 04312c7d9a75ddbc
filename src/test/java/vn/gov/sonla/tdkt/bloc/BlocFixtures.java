package vn.gov.sonla.tdkt.bloc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.Groups;

/** Units (groups unit-&lt;code&gt; with one officer each, password demo) and blocs for the bloc tests. */
final class BlocFixtures {

  static final CurrentUser HOME_AFFAIRS = new CurrentUser("appraiser", Set.of(Groups.HOME_AFFAIRS));

  private BlocFixtures() {}

  /** Creates the unit's group and its officer {@code officer.<code>} if missing. */
  static void unit(IdentityService identity, String code, String name) {
    if (identity.createGroupQuery().groupId(Groups.unit(code)).count() == 0) {
      Group g = identity.newGroup(Groups.unit(code));
      g.setName(name);
      g.setType(Groups.UNIT_TYPE);
      identity.saveGroup(g);
    }
    if (identity.createUserQuery().userId("officer." + code).count() == 0) {
      User u = identity.newUser("officer." + code);
      u.setFirstName("Cán bộ");
      u.setLastName(name);
      u.setPassword("demo");
      u.setEmail("officer." + code + "@sonla.gov.vn");
      // a fixture: the password policy is for users created in Admin and the API
      ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(u, true);
      identity.createMembership(u.getId(), Groups.unit(code));
    }
  }

  static CurrentUser officer(String code) {
    return new CurrentUser("officer." + code, Set.of(Groups.unit(code)));
  }

  /** Unit codes prefix1 … prefixN, created as groups. */
  static List<String> units(IdentityService identity, String prefix, int n, String namePrefix) {
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String code = prefix + i;
      unit(identity, code, namePrefix + " số " + i);
      codes.add(code);
    }
    return codes;
  }

  /** Points on the default scheme (NV ×2, PT ×1.5, CCHC, XD, KT ×1). */
  static Map<String, BigDecimal> points(int nv, int pt, int cchc, int xd, int kt) {
    Map<String, BigDecimal> p = new LinkedHashMap<>();
    p.put("NV", BigDecimal.valueOf(nv));
    p.put("PT", BigDecimal.valueOf(pt));
    p.put("CCHC", BigDecimal.valueOf(cchc));
    p.put("XD", BigDecimal.valueOf(xd));
    p.put("KT", BigDecimal.valueOf(kt));
    return p;
  }
}
