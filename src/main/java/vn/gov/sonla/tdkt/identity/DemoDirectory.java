package vn.gov.sonla.tdkt.identity;

import java.util.ArrayList;
import java.util.List;

/** Demo units and users of the default profile. Every password is {@code demo}. */
final class DemoDirectory {

  record Unit(String code, String name) {}

  record Person(String id, String firstName, String lastName, List<String> groups) {}

  static final List<Unit> UNITS = List.of(
      new Unit("sgddt", "Sở Giáo dục và Đào tạo"),
      new Unit("syt", "Sở Y tế"),
      new Unit("ptohieu", "UBND phường Tô Hiệu"),
      new Unit("vpubnd", "Văn phòng UBND tỉnh"));

  static List<Person> people() {
    List<Person> people = new ArrayList<>();
    people.add(new Person("admin", "Quản trị", "Hệ thống", List.of(Groups.ADMIN)));
    people.add(new Person("appraiser", "Lan", "Nguyễn Thị", List.of(Groups.HOME_AFFAIRS)));
    people.add(new Person("appraiser.lead", "Minh", "Trần Văn", List.of(Groups.HOME_AFFAIRS)));
    people.add(new Person("chairman", "Chủ tịch", "UBND tỉnh", List.of(Groups.CHAIRMAN)));
    people.add(new Person("auditor", "Thanh tra", "Viên", List.of(Groups.AUDITORS)));
    for (int i = 1; i <= 9; i++) {
      people.add(new Person("council" + i, "Thành viên " + i, "Hội đồng", List.of(Groups.COUNCIL)));
    }
    for (Unit unit : UNITS) {
      people.add(new Person("officer." + unit.code(), "Cán bộ", unit.name(), List.of(Groups.unit(unit.code()))));
    }
    return people;
  }

  private DemoDirectory() {}
}
