package vn.gov.sonla.tdkt.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * Full names of users and names of units for what people read (pages, API answers, documents), looked up as the
 * system: knowing who signed or who drafted a dossier one may read needs no grant on the user records.
 */
@Component
public class PersonNames {

  private final IdentityService identity;
  private final EngineAuthentication engine;

  public PersonNames(IdentityService identity, EngineAuthentication engine) {
    this.identity = identity;
    this.engine = engine;
  }

  /**
   * The user's full name ({@link PersonName}); for an id with no user record (a removed account, the system)
   * the id itself, so that the record still says who it was. Null for null.
   */
  public String of(String userId) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    User user = engine.asSystem(() -> identity.createUserQuery().userId(userId).singleResult());
    String name = PersonName.of(user);
    return name == null ? userId : name;
  }

  /**
   * Whom a record names, as people read it: a user's full name, else a group's name (a unit, "Sở Nội vụ"), else
   * the id itself. Null for null.
   */
  public String recipient(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    User user = engine.asSystem(() -> identity.createUserQuery().userId(id).singleResult());
    if (user != null) {
      String name = PersonName.of(user);
      return name == null ? id : name;
    }
    Group group = engine.asSystem(() -> identity.createGroupQuery().groupId(id).singleResult());
    return group == null || group.getName() == null ? id : group.getName();
  }

  /** Full names of several users, by id (one query). */
  public Map<String, String> of(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    engine.asSystem(() -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list())
        .forEach(u -> names.put(u.getId(), PersonName.of(u) == null ? u.getId() : PersonName.of(u)));
    userIds.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  /** Names of all proposing units, by unit code (one query). */
  public Map<String, String> units() {
    Map<String, String> units = new HashMap<>();
    engine.asSystem(() -> identity.createGroupQuery().groupType(Groups.UNIT_TYPE).list()).forEach(g -> {
      if (g.getId().startsWith(Groups.UNIT_PREFIX)) {
        units.put(g.getId().substring(Groups.UNIT_PREFIX.length()), g.getName() == null ? g.getId() : g.getName());
      }
    });
    return units;
  }

  /** The name of the unit whose group is {@code unit-<code>}; the code when the group is unknown. */
  public String unit(String unitCode) {
    if (unitCode == null) {
      return null;
    }
    Group group = engine.asSystem(() -> identity.createGroupQuery().groupId(Groups.unit(unitCode)).singleResult());
    return group == null || group.getName() == null ? unitCode : group.getName();
  }
}
