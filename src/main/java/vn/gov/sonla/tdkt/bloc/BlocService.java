package vn.gov.sonla.tdkt.bloc;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.engine.EngineClock;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.ForbiddenException;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.kernel.DossierNotFoundException;
import vn.gov.sonla.tdkt.kernel.DossierStateException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;

/**
 * Emulation blocs: composition (home-affairs), registrations (units), self-assessments, the review meeting's
 * scores, the deputy's review and the head's flag proposal. Each step that closes a task of {@code bloc-year}
 * checks the caller's unit first, then completes the task as the system.
 */
@Service
public class BlocService {

  public static final String YEAR_PROCESS = "emulation-year";
  public static final String BLOC_PROCESS = "bloc-year";
  public static final String SELF_ASSESS_TASK = "Task_SelfAssess";
  public static final String SCORE_TASK = "Task_Score";
  public static final String REVIEW_TASK = "Task_DeputyReview";
  public static final String FLAG_TASK = "Task_ProposeFlags";
  private static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";

  public record BlocRequest(String code, String name, String kind, Integer year, List<String> members, String head,
      String deputy) {}

  public record RegistrationRequest(Integer year, String unitCode, String commitments, List<String> targetTitles) {}

  public record SelfAssessmentRequest(String unitCode, String report, String evidence, Map<String, BigDecimal> points,
      Integer disciplineCases) {}

  public record ScoreRequest(String unitCode, Map<String, BigDecimal> points) {}

  public record ReviewRequest(Boolean approve, String note) {}

  public record FlagRequest(List<String> units) {}

  public record SchemeRequest(String name, List<Bloc.Criterion> criteria) {}

  private final BlocRepository blocs;
  private final AwardCatalog catalog;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final EngineAuthentication engine;
  private final BlocSchedule schedule;
  private final BlocProperties properties;
  private final Clock clock;

  public BlocService(BlocRepository blocs, AwardCatalog catalog, IdentityService identity, TaskService tasks,
      RuntimeService runtime, EngineAuthentication engine, BlocSchedule schedule, BlocProperties properties,
      Clock clock) {
    this.clock = clock;
    this.blocs = blocs;
    this.catalog = catalog;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.engine = engine;
    this.schedule = schedule;
    this.properties = properties;
  }

  public static boolean manages(CurrentUser user) {
    return user.groups().contains(Groups.HOME_AFFAIRS) || user.groups().contains(Groups.ADMIN);
  }

  public static boolean readsAll(CurrentUser user) {
    return manages(user) || user.groups().contains(Groups.AUDITORS);
  }

  public String unitName(String unitCode) {
    var group = engine.asSystem(() -> identity.createGroupQuery().groupId(Groups.unit(unitCode)).singleResult());
    return group == null || group.getName() == null ? unitCode : group.getName();
  }

  private boolean unitExists(String unitCode) {
    return engine.asSystem(() -> identity.createGroupQuery().groupId(Groups.unit(unitCode)).count()) > 0;
  }

  public Bloc.Info bloc(String code) {
    return blocs.find(code).orElseThrow(() -> new DossierNotFoundException(code, "Không tìm thấy cụm, khối thi đua " + code + "."));
  }

  // --- composition

  @Transactional
  public Bloc.Info save(BlocRequest r, CurrentUser user) {
    requireManager(user);
    List<FieldProblem> problems = check(r, "");
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Thông tin cụm, khối thi đua chưa hợp lệ.", problems);
    }
    return store(r);
  }

  private Bloc.Info store(BlocRequest r) {
    Bloc.Info info = new Bloc.Info(r.code().strip(), r.name().strip(), Bloc.Kind.valueOf(r.kind().strip()));
    blocs.upsert(info, EngineClock.utc(clock));
    blocs.setMembers(info.code(), r.year(), r.members().stream().map(String::strip).toList());
    blocs.setLeadership(new Bloc.Leadership(info.code(), r.year(), r.head().strip(), r.deputy().strip()));
    return info;
  }

  private List<FieldProblem> check(BlocRequest r, String at) {
    List<FieldProblem> p = new ArrayList<>();
    if (r.code() == null || !r.code().strip().matches(CODE)) {
      p.add(new FieldProblem(at + "code", "Mã cụm, khối gồm chữ thường không dấu, chữ số, dấu '-' (tối đa 40 ký tự)."));
    }
    if (r.name() == null || r.name().isBlank() || r.name().length() > 300) {
      p.add(new FieldProblem(at + "name", "Chưa nhập tên cụm, khối (tối đa 300 ký tự)."));
    }
    if (r.kind() == null || !Set.of("CLUSTER", "BLOC").contains(r.kind().strip())) {
      p.add(new FieldProblem(at + "kind", "Loại phải là CLUSTER (cụm) hoặc BLOC (khối)."));
    }
    if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
      p.add(new FieldProblem(at + "year", "Năm không hợp lệ."));
    }
    List<String> members = r.members() == null ? List.of() : r.members().stream().map(String::strip).toList();
    if (members.size() < 2) {
      p.add(new FieldProblem(at + "members", "Cụm, khối phải có ít nhất 2 đơn vị thành viên."));
    }
    if (new LinkedHashSet<>(members).size() != members.size()) {
      p.add(new FieldProblem(at + "members", "Đơn vị thành viên bị lặp."));
    }
    for (String m : members) {
      if (!unitExists(m)) {
        p.add(new FieldProblem(at + "members", "Không có đơn vị " + m + " (nhóm unit-" + m + ")."));
      }
    }
    if (r.head() == null || !members.contains(r.head().strip())) {
      p.add(new FieldProblem(at + "head", "Trưởng khối phải là một đơn vị thành viên."));
    }
    if (r.deputy() == null || !members.contains(r.deputy().strip())) {
      p.add(new FieldProblem(at + "deputy", "Phó khối phải là một đơn vị thành viên."));
    } else if (r.head() != null && r.head().strip().equals(r.deputy().strip())) {
      p.add(new FieldProblem(at + "deputy", "Phó khối phải khác Trưởng khối."));
    }
    return p;
  }

  /**
   * CSV (UTF-8, header {@code bloc_code,bloc_name,kind,unit_code,role}; role HEAD, DEPUTY or MEMBER): the
   * composition of every bloc in the file from the year on. Refused whole, with every bad line.
   */
  @Transactional
  public List<Bloc.Info> importCsv(int year, String csv, CurrentUser user) {
    requireManager(user);
    Map<String, List<CSVRecord>> byBloc = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get().parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
      for (String h : List.of("bloc_code", "bloc_name", "kind", "unit_code", "role")) {
        if (!parser.getHeaderMap().containsKey(h)) {
          throw new InvalidInputException("Tệp CSV thiếu cột " + h + ".", List.of(new FieldProblem("file",
              "Dòng đầu phải là: bloc_code,bloc_name,kind,unit_code,role")));
        }
      }
      for (CSVRecord rec : parser) {
        byBloc.computeIfAbsent(rec.get("bloc_code"), k -> new ArrayList<>()).add(rec);
        String role = rec.get("role");
        if (!Set.of("HEAD", "DEPUTY", "MEMBER", "").contains(role)) {
          problems.add(new FieldProblem("dòng " + (rec.getRecordNumber() + 1), "Vai trò phải là HEAD, DEPUTY hoặc MEMBER."));
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException("Không đọc được tệp CSV.", List.of(new FieldProblem("file", e.getMessage())));
    }
    List<BlocRequest> requests = new ArrayList<>();
    byBloc.forEach((code, rows) -> {
      List<String> members = rows.stream().map(x -> x.get("unit_code")).toList();
      String head = rows.stream().filter(x -> x.get("role").equals("HEAD")).map(x -> x.get("unit_code")).findFirst().orElse(null);
      String deputy = rows.stream().filter(x -> x.get("role").equals("DEPUTY")).map(x -> x.get("unit_code")).findFirst().orElse(null);
      BlocRequest r = new BlocRequest(code, rows.get(0).get("bloc_name"), rows.get(0).get("kind"), year, members, head, deputy);
      problems.addAll(check(r, "bloc " + code + " (dòng " + (rows.get(0).getRecordNumber() + 1) + "): "));
      requests.add(r);
    });
    if (byBloc.isEmpty()) {
      problems.add(new FieldProblem("file", "Tệp không có dòng dữ liệu."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Tệp CSV chưa hợp lệ: không cụm, khối nào được ghi.", problems);
    }
    return requests.stream().map(this::store).toList();
  }

  @Transactional
  public Bloc.Scheme saveScheme(String blocCode, int year, SchemeRequest r, CurrentUser user) {
    requireManager(user);
    bloc(blocCode);
    List<FieldProblem> p = new ArrayList<>();
    if (r.name() == null || r.name().isBlank()) {
      p.add(new FieldProblem("name", "Chưa nhập tên thang điểm."));
    }
    if (r.criteria() == null || r.criteria().isEmpty()) {
      p.add(new FieldProblem("criteria", "Thang điểm phải có ít nhất một tiêu chí."));
    } else {
      Set<String> seen = new java.util.HashSet<>();
      for (Bloc.Criterion c : r.criteria()) {
        if (c.code() == null || !c.code().matches("[A-Za-z0-9_]{1,20}") || !seen.add(c.code())) {
          p.add(new FieldProblem("criteria", "Mã tiêu chí thiếu, sai hoặc bị lặp: " + c.code()));
        }
        if (c.name() == null || c.name().isBlank()) {
          p.add(new FieldProblem("criteria", "Tiêu chí " + c.code() + " chưa có tên."));
        }
        if (c.maxPoints() == null || c.maxPoints().signum() <= 0 || c.weight() == null || c.weight().signum() <= 0) {
          p.add(new FieldProblem("criteria", "Tiêu chí " + c.code() + ": điểm tối đa và trọng số phải lớn hơn 0."));
        }
      }
    }
    if (!p.isEmpty()) {
      throw new InvalidInputException("Thang điểm chưa hợp lệ.", p);
    }
    List<Bloc.Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < r.criteria().size(); i++) {
      Bloc.Criterion c = r.criteria().get(i);
      criteria.add(new Bloc.Criterion(c.code(), i + 1, c.name().strip(), c.maxPoints(), c.weight()));
    }
    blocs.saveScheme(blocCode, year, r.name().strip(), criteria);
    return blocs.scheme(blocCode, year);
  }

  // --- registration

  @Transactional
  public Bloc.Registration register(RegistrationRequest r, CurrentUser user) {
    List<FieldProblem> p = new ArrayList<>();
    String unit = unitOf(r.unitCode(), user, p);
    if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
      p.add(new FieldProblem("year", "Năm không hợp lệ."));
    } else if (!unit.isEmpty() && blocs.blocOf(unit, r.year()).isEmpty()) {
      p.add(new FieldProblem("unitCode", "Đơn vị " + unit + " không thuộc cụm, khối thi đua nào năm " + r.year() + "."));
    }
    if (r.commitments() == null || r.commitments().isBlank()) {
      p.add(new FieldProblem("commitments", "Chưa nhập nội dung đăng ký, cam kết thi đua."));
    } else if (r.commitments().length() > 4000) {
      p.add(new FieldProblem("commitments", "Nội dung đăng ký không được dài quá 4000 ký tự."));
    }
    if (r.targetTitles() == null || r.targetTitles().isEmpty()) {
      p.add(new FieldProblem("targetTitles", "Chưa chọn danh hiệu, hình thức khen thưởng đăng ký phấn đấu."));
    } else {
      for (String t : r.targetTitles()) {
        if (t == null || catalog.find(t.strip()).isEmpty()) {
          p.add(new FieldProblem("targetTitles", "Danh hiệu không có trong danh mục: " + t));
        }
      }
    }
    if (!p.isEmpty()) {
      throw new InvalidInputException("Đăng ký thi đua chưa hợp lệ.", p);
    }
    Bloc.Registration reg = new Bloc.Registration(r.year(), unit, r.commitments().strip(),
        r.targetTitles().stream().map(String::strip).distinct().toList(), EngineClock.utc(clock), user.id());
    blocs.saveRegistration(reg);
    return reg;
  }

  /** Registration status of the year, per bloc: who registered (and whether late), who did not, who was reminded. */
  public Map<String, Object> registrationStatus(int year, CurrentUser user) {
    requireReader(user);
    OffsetDateTime deadline = OffsetDateTime.ofInstant(schedule.registrationDeadline(year).toInstant(), ZoneOffset.UTC);
    Map<String, Bloc.Registration> regs = new LinkedHashMap<>();
    blocs.registrations(year).forEach(r -> regs.put(r.unitCode(), r));
    Map<String, OffsetDateTime> reminded = blocs.reminders(year);
    List<Map<String, Object>> perBloc = new ArrayList<>();
    List<String> notRegistered = new ArrayList<>();
    for (Bloc.Info b : blocs.active(year)) {
      List<String> members = blocs.members(b.code(), year);
      List<Map<String, Object>> units = new ArrayList<>();
      for (String m : members) {
        Bloc.Registration reg = regs.get(m);
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("unitCode", m);
        u.put("unitName", unitName(m));
        u.put("registered", reg != null);
        u.put("registeredAt", reg == null ? null : reg.registeredAt());
        u.put("late", reg != null && reg.registeredAt().isAfter(deadline));
        u.put("targetTitles", reg == null ? List.of() : reg.targetTitles());
        u.put("remindedAt", reminded.get(m));
        units.add(u);
        if (reg == null) {
          notRegistered.add(m);
        }
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("bloc", b);
      entry.put("units", units);
      entry.put("registered", units.stream().filter(u -> (Boolean) u.get("registered")).count());
      perBloc.add(entry);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", year);
    out.put("deadline", deadline);
    out.put("blocs", perBloc);
    out.put("notRegistered", notRegistered);
    return out;
  }

  /** Members of any bloc in the year without a registration. */
  public List<String> unregistered(int year) {
    Set<String> registered = new java.util.HashSet<>();
    blocs.registrations(year).forEach(r -> registered.add(r.unitCode()));
    List<String> out = new ArrayList<>();
    for (Bloc.Info b : blocs.active(year)) {
      blocs.members(b.code(), year).stream().filter(m -> !registered.contains(m) && !out.contains(m)).forEach(out::add);
    }
    return out;
  }

  // --- self-assessment, scores, review, flags

  @Transactional
  public Bloc.SelfAssessment selfAssess(String blocCode, int year, SelfAssessmentRequest r, CurrentUser user) {
    bloc(blocCode);
    List<FieldProblem> p = new ArrayList<>();
    String unit = unitOf(r.unitCode(), user, p);
    if (!unit.isEmpty() && !blocs.members(blocCode, year).contains(unit)) {
      throw new ForbiddenException("Đơn vị " + unit + " không phải thành viên của " + blocCode + " năm " + year);
    }
    if (r.report() == null || r.report().isBlank() || r.report().length() > 4000) {
      p.add(new FieldProblem("report", "Chưa nhập báo cáo tự đánh giá (tối đa 4000 ký tự)."));
    }
    if (r.evidence() != null && r.evidence().length() > 2000) {
      p.add(new FieldProblem("evidence", "Minh chứng không được dài quá 2000 ký tự."));
    }
    if (r.disciplineCases() == null || r.disciplineCases() < 0) {
      p.add(new FieldProblem("disciplineCases", "Số vụ việc vi phạm, kỷ luật phải từ 0 trở lên."));
    }
    Bloc.Scheme scheme = blocs.scheme(blocCode, year);
    checkPoints(scheme, r.points(), p);
    if (!p.isEmpty()) {
      throw new InvalidInputException("Bản tự đánh giá chưa hợp lệ.", p);
    }
    Task task = task(blocCode, year, SELF_ASSESS_TASK, Groups.unit(unit),
        "Chưa đến (hoặc đã qua) bước tự đánh giá của " + unit + " tại " + blocCode + " năm " + year + ".");
    Bloc.SelfAssessment s = new Bloc.SelfAssessment(blocCode, year, unit, r.report().strip(),
        r.evidence() == null ? null : r.evidence().strip(), ordered(scheme, r.points()), r.disciplineCases(),
        EngineClock.utc(clock), user.id());
    blocs.saveSelfAssessment(s);
    complete(task, Map.of("selfAssessedBy", user.id()));
    return s;
  }

  /** The review meeting's points for one member: by the head unit, or by the deputy for the head unit itself. */
  @Transactional
  public Map<String, Object> score(String blocCode, int year, ScoreRequest r, CurrentUser user) {
    bloc(blocCode);
    Bloc.Leadership l = leadership(blocCode, year);
    List<String> members = blocs.members(blocCode, year);
    List<FieldProblem> p = new ArrayList<>();
    String unit = r.unitCode() == null ? "" : r.unitCode().strip();
    if (!members.contains(unit)) {
      p.add(new FieldProblem("unitCode", "Đơn vị được chấm không phải thành viên của cụm, khối năm " + year + "."));
    } else if (user.isOfficerOf(unit)) {
      p.add(new FieldProblem("unitCode", "Đơn vị không được tự chấm điểm cho mình: điểm của Trưởng khối do Phó khối chấm."));
    } else {
      String scorer = unit.equals(l.headUnit()) ? l.deputyUnit() : l.headUnit();
      if (!user.isOfficerOf(scorer)) {
        throw new ForbiddenException(unit.equals(l.headUnit())
            ? "Phó khối (" + scorer + ") chấm điểm cho Trưởng khối"
            : "Trưởng khối (" + scorer + ") chấm điểm cho các thành viên");
      }
    }
    Bloc.Scheme scheme = blocs.scheme(blocCode, year);
    checkPoints(scheme, r.points(), p);
    if (!p.isEmpty()) {
      throw new InvalidInputException("Điểm chấm chưa hợp lệ.", p);
    }
    String scorer = unit.equals(l.headUnit()) ? l.deputyUnit() : l.headUnit();
    task(blocCode, year, SCORE_TASK, null, "Cụm, khối " + blocCode + " không ở bước chấm điểm năm " + year + ".");
    Map<String, BigDecimal> points = ordered(scheme, r.points());
    blocs.saveScores(blocCode, year, unit, points, scorer, user.id(), EngineClock.utc(clock));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unitCode", unit);
    out.put("points", points);
    out.put("total", BlocRanking.total(scheme, points));
    out.put("scoredByUnit", scorer);
    return out;
  }

  /** The head closes the scoring once every member has a score on every criterion. */
  @Transactional
  public void completeScoring(String blocCode, int year, CurrentUser user) {
    Bloc.Leadership l = leadership(blocCode, year);
    if (!user.isOfficerOf(l.headUnit())) {
      throw new ForbiddenException("Trưởng khối (" + l.headUnit() + ") kết thúc chấm điểm");
    }
    List<String> missing = unscored(blocCode, year);
    if (!missing.isEmpty()) {
      throw new InvalidInputException("Còn đơn vị chưa được chấm đủ các tiêu chí.", missing.stream()
          .map(u -> new FieldProblem("unitCode", "Chưa chấm đủ điểm cho đơn vị " + u + ".")).toList());
    }
    complete(task(blocCode, year, SCORE_TASK, null, "Cụm, khối " + blocCode + " không ở bước chấm điểm năm " + year + "."),
        Map.of("scoredBy", user.id()));
  }

  /** Members lacking a score on some criterion of the scheme. */
  public List<String> unscored(String blocCode, int year) {
    Bloc.Scheme scheme = blocs.scheme(blocCode, year);
    List<Bloc.Score> scores = blocs.scores(blocCode, year);
    return blocs.members(blocCode, year).stream().filter(m -> scheme.criteria().stream().anyMatch(c -> scores.stream()
        .noneMatch(s -> s.unitCode().equals(m) && s.criterionCode().equals(c.code())))).toList();
  }

  @Transactional
  public void review(String blocCode, int year, ReviewRequest r, CurrentUser user) {
    Bloc.Leadership l = leadership(blocCode, year);
    if (!user.isOfficerOf(l.deputyUnit())) {
      throw new ForbiddenException("Phó khối (" + l.deputyUnit() + ") rà soát kết quả chấm điểm");
    }
    if (r.approve() == null) {
      throw new InvalidInputException("Chưa chọn đồng ý hay trả lại.", List.of(new FieldProblem("approve", "Chọn true hoặc false.")));
    }
    if (!r.approve() && (r.note() == null || r.note().isBlank())) {
      throw new InvalidInputException("Trả lại phải nêu lý do.", List.of(new FieldProblem("note", "Chưa nêu lý do trả lại.")));
    }
    complete(task(blocCode, year, REVIEW_TASK, null, "Cụm, khối " + blocCode + " không ở bước rà soát năm " + year + "."),
        Map.of("reviewOutcome", r.approve() ? "APPROVE" : "RETURN", "reviewNote", r.note() == null ? "" : r.note().strip(),
            "reviewedBy", user.id()));
  }

  @Transactional
  public void proposeFlags(String blocCode, int year, FlagRequest r, CurrentUser user) {
    Bloc.Leadership l = leadership(blocCode, year);
    if (!user.isOfficerOf(l.headUnit())) {
      throw new ForbiddenException("Trưởng khối (" + l.headUnit() + ") đề nghị tặng Cờ thi đua");
    }
    List<String> units = r.units() == null ? List.of() : r.units().stream().map(String::strip).distinct().toList();
    List<FieldProblem> p = checkFlags(blocCode, year, units);
    if (!p.isEmpty()) {
      throw new InvalidInputException("Đề nghị tặng Cờ thi đua chưa hợp lệ.", p);
    }
    complete(task(blocCode, year, FLAG_TASK, null, "Cụm, khối " + blocCode + " không ở bước đề nghị tặng Cờ năm " + year + "."),
        Map.of("flagUnits", new ArrayList<>(units), "flagProposedBy", user.id()));
  }

  /** The proposed units must be among the leading units of the published ranking, within the bloc's number. */
  public List<FieldProblem> checkFlags(String blocCode, int year, List<String> units) {
    List<FieldProblem> p = new ArrayList<>();
    int limit = properties.flagsFor(blocCode);
    List<Bloc.Ranked> ranking = blocs.ranking(blocCode, year);
    if (units.size() > limit) {
      p.add(new FieldProblem("units", "Mỗi cụm, khối được đề nghị tối đa " + limit + " đơn vị."));
    }
    for (String u : units) {
      var ranked = ranking.stream().filter(x -> x.unitCode().equals(u)).findFirst();
      if (ranked.isEmpty()) {
        p.add(new FieldProblem("units", "Đơn vị " + u + " không có trong bảng xếp hạng của cụm, khối."));
      } else if (ranked.get().rank() > limit) {
        p.add(new FieldProblem("units", "Đơn vị " + u + " xếp thứ " + ranked.get().rank()
            + ", không thuộc " + limit + " đơn vị dẫn đầu."));
      }
    }
    return p;
  }

  /** The ranking; members see it once published, the head and deputy (and home-affairs, auditors) before. */
  public List<Map<String, Object>> ranking(String blocCode, int year, CurrentUser user) {
    bloc(blocCode);
    List<Bloc.Ranked> ranking = blocs.ranking(blocCode, year);
    boolean published = !ranking.isEmpty() && ranking.get(0).publishedAt() != null;
    var leadership = blocs.leadership(blocCode, year);
    boolean leads = leadership.isPresent() && (user.isOfficerOf(leadership.get().headUnit())
        || user.isOfficerOf(leadership.get().deputyUnit()));
    boolean member = blocs.members(blocCode, year).stream().anyMatch(user::isOfficerOf);
    if (!readsAll(user) && !leads && !(member && published)) {
      throw new ForbiddenException(member ? "xem được bảng xếp hạng sau khi công bố" : "thành viên cụm, khối xem bảng xếp hạng");
    }
    return ranking.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", r.rank());
      m.put("unitCode", r.unitCode());
      m.put("unitName", unitName(r.unitCode()));
      m.put("total", r.total());
      m.put("tieBreak", r.tieBreak());
      m.put("published", r.publishedAt() != null);
      m.put("flagProposed", r.flagProposed());
      m.put("dossierCode", r.dossierCode());
      return m;
    }).toList();
  }

  // --- helpers

  private Bloc.Leadership leadership(String blocCode, int year) {
    bloc(blocCode);
    return blocs.leadership(blocCode, year).orElseThrow(() -> new DossierStateException(
        "Cụm, khối " + blocCode + " chưa có Trưởng khối, Phó khối năm " + year + "."));
  }

  static void checkPoints(Bloc.Scheme scheme, Map<String, BigDecimal> points, List<FieldProblem> p) {
    Map<String, BigDecimal> given = points == null ? Map.of() : points;
    for (Bloc.Criterion c : scheme.criteria()) {
      BigDecimal v = given.get(c.code());
      if (v == null) {
        p.add(new FieldProblem("points." + c.code(), "Thiếu điểm tiêu chí " + c.code() + " (" + c.name() + ")."));
      } else if (v.signum() < 0) {
        p.add(new FieldProblem("points." + c.code(), "Điểm tiêu chí " + c.code() + " không được âm."));
      } else if (v.compareTo(c.maxPoints()) > 0) {
        p.add(new FieldProblem("points." + c.code(), "Điểm tiêu chí " + c.code() + " (" + v.stripTrailingZeros().toPlainString()
            + ") vượt điểm tối đa " + c.maxPoints().stripTrailingZeros().toPlainString() + "."));
      }
    }
    for (String code : given.keySet()) {
      if (scheme.criteria().stream().noneMatch(c -> c.code().equals(code))) {
        p.add(new FieldProblem("points." + code, "Tiêu chí " + code + " không có trong thang điểm " + scheme.name() + "."));
      }
    }
  }

  private static Map<String, BigDecimal> ordered(Bloc.Scheme scheme, Map<String, BigDecimal> points) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    scheme.criteria().forEach(c -> out.put(c.code(), points.get(c.code())));
    return out;
  }

  private String unitOf(String requested, CurrentUser user, List<FieldProblem> p) {
    List<String> units = user.unitCodes();
    if (requested != null && !requested.isBlank()) {
      if (!units.contains(requested.strip())) {
        throw new ForbiddenException("cán bộ của đơn vị " + requested.strip() + " được thực hiện cho đơn vị này");
      }
      return requested.strip();
    }
    if (units.size() == 1) {
      return units.get(0);
    }
    if (units.isEmpty()) {
      throw new ForbiddenException("cán bộ của đơn vị thành viên cụm, khối được thực hiện");
    }
    p.add(new FieldProblem("unitCode", "Chọn đơn vị (" + String.join(", ", units) + ")."));
    return "";
  }

  private Task task(String blocCode, int year, String key, String candidateGroup, String missing) {
    return engine.asSystem(() -> {
      var query = tasks.createTaskQuery().processDefinitionKey(BLOC_PROCESS)
          .processInstanceBusinessKey(year + "-" + blocCode).taskDefinitionKey(key);
      if (candidateGroup != null) {
        query = query.taskCandidateGroup(candidateGroup);
      }
      List<Task> found = query.list();
      if (found.isEmpty()) {
        throw new DossierStateException(missing);
      }
      return found.get(0);
    });
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.asSystem(() -> {
      tasks.complete(task.getId(), Variables.fromMap(variables));
      return null;
    });
  }

  private static void requireManager(CurrentUser user) {
    if (!manages(user)) {
      throw new ForbiddenException("Sở Nội vụ quản lý cụm, khối thi đua");
    }
  }

  private static void requireReader(CurrentUser user) {
    if (!readsAll(user)) {
      throw new ForbiddenException("Sở Nội vụ, thanh tra xem tình hình đăng ký thi đua");
    }
  }

  public RuntimeService runtime() {
    return runtime;
  }
}
