package vn.gov.sonla.tdkt.identity;

import java.util.ArrayList;
import java.util.List;

/** Demo units and users of the default profile. Every password is {@code demo}. */
final class DemoDirectory {

  record Unit(String code, String name) {}

  /**
   * A demo person: firstName holds the family and middle names, lastName the given name, so that every
   * screen writes "Nguyễn Thị Lan" ({@link PersonName}). The names are invented.
   */
  record Person(String id, String firstName, String lastName, List<String> groups) {}

  static final List<Unit> UNITS = List.of(
      new Unit("sgddt", "Sở Giáo dục và Đào tạo"),
      new Unit("syt", "Sở Y tế"),
      new Unit("ptohieu", "UBND phường Tô Hiệu"),
      new Unit("vpubnd", "Văn phòng UBND tỉnh"));

  private static final String[][] COUNCIL = {
      {"Đinh Văn", "An"}, {"Cầm Thị", "Bích"}, {"Lường Văn", "Cường"}, {"Hà Thị", "Dung"}, {"Vì Văn", "Đức"},
      {"Quàng Thị", "Giang"}, {"Tòng Văn", "Hải"}, {"Bạc Thị", "Hoa"}, {"Sầm Văn", "Khoa"}};

  private static final java.util.Map<String, String[]> OFFICERS = java.util.Map.of(
      "sgddt", new String[] {"Vũ Thị", "Hạnh"},
      "syt", new String[] {"Bùi Văn", "Long"},
      "ptohieu", new String[] {"Lò Thị", "Mai"},
      "vpubnd", new String[] {"Ngô Văn", "Phúc"});

  static List<Person> people() {
    List<Person> people = new ArrayList<>();
    people.add(new Person("admin", "Quản trị", "hệ thống", List.of(Groups.ADMIN)));
    people.add(new Person("appraiser", "Nguyễn Thị", "Lan", List.of(Groups.HOME_AFFAIRS)));
    people.add(new Person("appraiser.lead", "Trần Văn", "Minh", List.of(Groups.HOME_AFFAIRS)));
    people.add(new Person("chairman", "Lê Văn", "Hùng", List.of(Groups.CHAIRMAN)));
    people.add(new Person("clerk", "Lò Thị", "Hoa", List.of(Groups.CLERK)));
    people.add(new Person("auditor", "Phạm Thu", "Hà", List.of(Groups.AUDITORS)));
    for (int i = 1; i <= 9; i++) {
      people.add(new Person("council" + i, COUNCIL[i - 1][0], COUNCIL[i - 1][1], List.of(Groups.COUNCIL)));
    }
    for (Unit unit : UNITS) {
      String[] name = OFFICERS.get(unit.code());
      people.add(new Person("officer." + unit.code(), name[0], name[1], List.of(Groups.unit(unit.code()))));
    }
    return people;
  }

  private DemoDirectory() {}
}
