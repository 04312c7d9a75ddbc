package vn.gov.sonla.tdkt.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.Groups;

/**
 * Where each role works: the page a person lands on after login ({@link #home}) and the sections of the one menu
 * every page shows ({@link #sections}) — only the sections the person's groups may open, so that nobody is offered
 * a page that then refuses them. The access rules themselves stay in the controllers; this mirrors them.
 */
public final class Workspace {

  /** A section of the menu: a stable id (tests, styles), its Vietnamese label and its address. */
  public record Section(String id, String label, String href) {}

  static final String TASKLIST = "/camunda/app/tasklist/";
  static final String COCKPIT = "/camunda/app/cockpit/";

  private static final Set<String> REPORT_READERS = Set.of(Groups.AUDITORS, Groups.HOME_AFFAIRS, Groups.ADMIN);
  private static final Set<String> TASK_GROUPS = Set.of(Groups.HOME_AFFAIRS, Groups.COUNCIL, Groups.CHAIRMAN,
      "clerk");

  private Workspace() {}

  /**
   * The page the person's work starts from: administrators the operations (Cockpit); the Department of Home
   * Affairs the dossiers waiting for appraisal; the Chairman, council members and the clerk their tasks (decisions
   * waiting, open ballots, numbers to issue); auditors the dossier search; unit officers their unit's dossiers.
   */
  public static String home(CurrentUser user) {
    Set<String> groups = user.groups();
    if (groups.contains(Groups.ADMIN)) {
      return COCKPIT;
    }
    if (groups.contains(Groups.HOME_AFFAIRS)) {
      return "/dossiers/?status=IN_APPRAISAL";
    }
    if (groups.contains(Groups.CHAIRMAN) || groups.contains(Groups.COUNCIL) || groups.contains("clerk")) {
      return TASKLIST;
    }
    if (groups.contains(Groups.AUDITORS) || !user.unitCodes().isEmpty()) {
      return "/dossiers/";
    }
    return "/notifications/";
  }

  /** The sections this person may open, in menu order. */
  public static List<Section> sections(CurrentUser user) {
    Set<String> groups = user.groups();
    boolean unit = !user.unitCodes().isEmpty();
    boolean provincial = user.readsAllDossiers();
    List<Section> sections = new ArrayList<>();
    if (unit || provincial) {
      sections.add(new Section("dossiers", "Hồ sơ khen thưởng", "/dossiers/"));
    }
    if (unit) {
      sections.add(new Section("new-dossier", "Lập hồ sơ đề nghị", "/dossiers/new.html"));
    }
    if (unit || groups.stream().anyMatch(TASK_GROUPS::contains)) {
      sections.add(new Section("tasks", "Việc cần làm", TASKLIST));
    }
    if (unit) {
      // the unit's open tasks from the read model (unittask.UnitTaskController), each opening in Tasklist
      sections.add(new Section("unit-tasks", "Việc của đơn vị", "/unit-tasks/"));
    }
    if (unit || provincial) {
      sections.add(new Section("plans", "Kế hoạch", "/plans/"));
      sections.add(new Section("blocs", "Cụm, khối thi đua", "/blocs/"));
      sections.add(new Section("awards", "Sổ khen thưởng", "/awards/"));
    }
    if (groups.contains(Groups.HOME_AFFAIRS) || groups.contains(Groups.COUNCIL) || groups.contains(Groups.CHAIRMAN)
        || groups.contains(Groups.AUDITORS)) {
      sections.add(new Section("council", "Phiên họp Hội đồng", "/council/"));
    }
    if (groups.stream().anyMatch(REPORT_READERS::contains)) {
      sections.add(new Section("reports", "Báo cáo", "/reports/"));
    }
    if (provincial) {
      // the register of legal values (legal.LegalBasisController: the provincial bodies read it)
      sections.add(new Section("legal", "Căn cứ pháp lý", "/legal/"));
      // holidays and make-up days (legal.CalendarDayController: everyone reads them, administrators edit them)
      sections.add(new Section("calendar", "Lịch ngày nghỉ", "/calendar/"));
    }
    sections.add(new Section("notifications", "Thông báo", "/notifications/"));
    if (groups.contains(Groups.ADMIN) || groups.contains(Groups.AUDITORS)) {
      sections.add(new Section("cockpit", "Theo dõi quy trình", COCKPIT));
    }
    if (groups.contains(Groups.ADMIN)) {
      sections.add(new Section("admin", "Quản trị người dùng", "/camunda/app/admin/"));
    }
    return sections;
  }
}
