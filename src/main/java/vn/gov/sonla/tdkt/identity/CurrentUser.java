package vn.gov.sonla.tdkt.identity;

import java.util.List;
import java.util.Set;

/** The signed-in user of a project API request, with their Camunda groups. */
public record CurrentUser(String id, Set<String> groups) {

  private static final Set<String> READ_ALL = Set.of(
      Groups.HOME_AFFAIRS, Groups.COUNCIL, Groups.CHAIRMAN, Groups.AUDITORS, Groups.ADMIN);

  /** Codes of the units this user is an officer of. */
  public List<String> unitCodes() {
    return groups.stream()
        .filter(g -> g.startsWith(Groups.UNIT_PREFIX))
        .map(g -> g.substring(Groups.UNIT_PREFIX.length()))
        .sorted()
        .toList();
  }

  /** Whether the user sees every unit's dossiers (provincial bodies, auditors, administrators). */
  public boolean readsAllDossiers() {
    return groups.stream().anyMatch(READ_ALL::contains);
  }

  public boolean canRead(String unitCode) {
    return readsAllDossiers() || groups.contains(Groups.unit(unitCode));
  }

  public boolean isOfficerOf(String unitCode) {
    return groups.contains(Groups.unit(unitCode));
  }
}
