package vn.gov.sonla.tdkt.award;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sonla.tdkt.award.RegisterFile.Column;
import vn.gov.sonla.tdkt.award.RegisterFile.RawRow;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * Imports a register file: every row checked first (all bad rows reported, nothing stored if any is bad), then
 * everything stored in one transaction with JDBC batches. Idempotent: a row whose award (subject, award, year,
 * decision number) or rating is already in the register adds nothing.
 */
@Service
public class RegisterImport {

  /** One bad row: its number in the file, the column and what is wrong (Vietnamese). */
  public record RowError(int row, String field, String message) {}

  /** The outcome of a run. */
  public record Outcome(boolean refused, List<RowError> errors, int rows, int awardsAdded, int ratingsAdded,
      int alreadyPresent, int subjectsAdded, List<String> ignoredHeaders) {}

  /** Who imports: the units whose rows they may import ({@code null}: any unit). */
  public record Importer(String userId, Set<String> allowedUnits, String defaultUnit) {}

  private static final Pattern MOJIBAKE = Pattern.compile("[ÃÄÆáº][\u0080-\u00BF]|Ã¡|Ä‘|áº|á»");

  private final AwardCatalog catalog;
  private final Subjects subjects;
  private final AwardRegister register;
  private final CitizenIds citizenIds;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public RegisterImport(AwardCatalog catalog, Subjects subjects, AwardRegister register, CitizenIds citizenIds,
      IdentityService identity, TransactionTemplate transaction, Clock clock) {
    this.catalog = catalog;
    this.subjects = subjects;
    this.register = register;
    this.citizenIds = citizenIds;
    this.identity = identity;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** A checked row, ready to store. */
  private record Entry(int row, SubjectDraft subject, String identityKey, String awardType, AwardKind awardKind,
      int year, String decisionNumber, LocalDate decisionDate, String decidedBy, Rating rating, String workUnit) {
    String identity() {
      return subject.citizenIdHash() != null ? "#" + subject.citizenIdHash() : identityKey;
    }
  }

  public Outcome run(RegisterFile.Parsed file, Importer importer, String importId, IntConsumer checked,
      Runnable storing) {
    List<RowError> errors = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, AwardType> awards = new HashMap<>();
    for (AwardType t : catalog.all()) {
      awards.put(t.code(), t);
      awards.put(VietnameseText.fold(t.name()), t);
    }
    Set<String> units = new HashSet<>();
    identity.createGroupQuery().groupType(Groups.UNIT_TYPE).list()
        .forEach(g -> units.add(g.getId().substring(Groups.UNIT_PREFIX.length())));
    Map<String, Integer> seenAwards = new HashMap<>();
    Map<String, Entry> seenRatings = new HashMap<>();
    int n = 0;
    for (RawRow raw : file.rows()) {
      List<RowError> rowErrors = new ArrayList<>();
      Entry e = check(raw, awards, units, importer, rowErrors);
      if (e != null && rowErrors.isEmpty()) {
        if (e.awardType() != null) {
          String key = e.identity() + "|" + e.awardType() + "|" + e.year() + "|" + e.decisionNumber().toLowerCase();
          Integer first = seenAwards.putIfAbsent(key, raw.number());
          if (first != null) {
            rowErrors.add(new RowError(raw.number(), Column.AWARD.header, "Trùng với dòng " + first
                + " (cùng đối tượng, danh hiệu, năm và số quyết định)."));
          }
        }
        if (e.rating() != null) {
          Entry other = seenRatings.putIfAbsent(e.identity() + "|" + e.year(), e);
          if (other != null && other.rating() != e.rating()) {
            rowErrors.add(new RowError(raw.number(), Column.RATING.header, "Xếp loại năm " + e.year()
                + " khác với dòng " + other.row() + " (" + other.rating().label() + ")."));
          }
        }
      }
      errors.addAll(rowErrors);
      if (rowErrors.isEmpty() && e != null) {
        entries.add(e);
      }
      if (++n % 500 == 0) {
        checked.accept(n);
      }
    }
    checked.accept(n);
    Map<String, String> idByIdentity = existingSubjects(entries);
    Map<String, Rating> existingRatings = register.ratingsOf(new HashSet<>(idByIdentity.values()));
    for (Entry e : entries) {
      String id = idByIdentity.get(e.identity());
      if (e.rating() != null && id != null) {
        Rating had = existingRatings.get(id + "|" + e.year());
        if (had != null && had != e.rating()) {
          errors.add(new RowError(e.row(), Column.RATING.header, "Sổ đã ghi xếp loại năm " + e.year() + " là \""
              + had.label() + "\", khác với tệp (\"" + e.rating().label() + "\")."));
        }
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparingInt(RowError::row));
      return new Outcome(true, errors, file.rows().size(), 0, 0, 0, 0, file.ignoredHeaders());
    }
    storing.run();
    return transaction.execute(status -> store(entries, file, importer, importId));
  }

  private Outcome store(List<Entry> entries, RegisterFile.Parsed file, Importer importer, String importId) {
    Map<String, String> idByIdentity = existingSubjects(entries);
    List<Map.Entry<String, SubjectDraft>> newSubjects = new ArrayList<>();
    for (Entry e : entries) {
      if (!idByIdentity.containsKey(e.identity())) {
        String id = UUID.randomUUID().toString();
        idByIdentity.put(e.identity(), id);
        newSubjects.add(Map.entry(id, e.subject()));
      }
    }
    subjects.insertBatch(newSubjects);
    Set<String> existing = register.existingKeys(new HashSet<>(idByIdentity.values()));
    Map<String, Rating> ratings = register.ratingsOf(new HashSet<>(idByIdentity.values()));
    List<AwardRecord> records = new ArrayList<>();
    List<SubjectRatingEntry> newRatings = new ArrayList<>();
    int already = 0;
    for (Entry e : entries) {
      String id = idByIdentity.get(e.identity());
      boolean added = false;
      boolean present = false;
      if (e.awardType() != null) {
        String key = AwardRegister.naturalKey(id, e.awardType(), e.year(), e.decisionNumber());
        if (existing.add(key)) {
          SubjectDraft s = e.subject();
          records.add(new AwardRecord(UUID.randomUUID().toString(), s.kind().name(), s.name(),
              s.kind() == SubjectKind.INDIVIDUAL ? s.birthDate() : null,
              e.workUnit() != null ? e.workUnit() : s.unitCode(), e.identityKey(), e.awardType(), e.awardKind().name(),
              e.year(), e.decisionNumber(), e.decisionDate(), e.decidedBy(), "IMPORT", null, id, s.role()));
          added = true;
        } else {
          present = true;
        }
      }
      if (e.rating() != null) {
        if (ratings.putIfAbsent(id + "|" + e.year(), e.rating()) == null) {
          newRatings.add(new SubjectRatingEntry(id, e.year(), e.rating(), "IMPORT"));
          added = true;
        } else {
          present = present || e.awardType() == null;
        }
      }
      if (!added && present) {
        already++;
      }
    }
    register.recordBatch(records, importId, importer.userId());
    register.rateBatch(newRatings, importId, importer.userId());
    return new Outcome(false, List.of(), file.rows().size(), records.size(), newRatings.size(), already,
        newSubjects.size(), file.ignoredHeaders());
  }

  /** Subject ids by row identity, for subjects already in the register (by citizen ID, else identity key). */
  private Map<String, String> existingSubjects(List<Entry> entries) {
    Set<String> hashes = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (Entry e : entries) {
      keys.add(e.identityKey());
      if (e.subject().citizenIdHash() != null) {
        hashes.add(e.subject().citizenIdHash());
      }
    }
    Map<String, String> byHash = subjects.idsByCitizenHash(hashes);
    Map<String, String> byKey = subjects.idsByKey(keys);
    Map<String, String> result = new HashMap<>();
    for (Entry e : entries) {
      String id = e.subject().citizenIdHash() == null ? null : byHash.get(e.subject().citizenIdHash());
      if (id == null) {
        id = byKey.get(e.identityKey());
      }
      if (id != null) {
        result.put(e.identity(), id);
      }
    }
    return result;
  }

  private Entry check(RawRow raw, Map<String, AwardType> awards, Set<String> units, Importer importer,
      List<RowError> errors) {
    int row = raw.number();
    for (Map.Entry<Column, String> cell : raw.cells().entrySet()) {
      String v = cell.getValue();
      if (v != null && (v.indexOf('\uFFFD') >= 0 || MOJIBAKE.matcher(v).find())) {
        errors.add(new RowError(row, cell.getKey().header, "Lỗi mã hóa ký tự (\"" + v.strip()
            + "\"): tệp CSV phải lưu dạng UTF-8 (Excel: CSV UTF-8), hoặc dùng tệp XLSX."));
        return null;
      }
    }
    SubjectKind kind = SubjectKind.INDIVIDUAL;
    String kindText = raw.get(Column.SUBJECT_KIND);
    if (kindText != null) {
      kind = switch (VietnameseText.fold(kindText)) {
        case "ca nhan", "individual" -> SubjectKind.INDIVIDUAL;
        case "tap the", "collective" -> SubjectKind.COLLECTIVE;
        case "ho gia dinh", "household" -> SubjectKind.HOUSEHOLD;
        default -> null;
      };
      if (kind == null) {
        errors.add(new RowError(row, Column.SUBJECT_KIND.header, "Loại đối tượng phải là Cá nhân, Tập thể hoặc Hộ gia đình."));
      }
    }
    String name = raw.get(Column.NAME);
    if (name == null) {
      errors.add(new RowError(row, Column.NAME.header, "Chưa có họ và tên (tên tập thể)."));
    } else if (name.length() > 200) {
      errors.add(new RowError(row, Column.NAME.header, "Tên không được dài quá 200 ký tự."));
    }
    LocalDate birth = null;
    String birthText = raw.get(Column.BIRTH_DATE);
    if (birthText != null) {
      birth = date(birthText);
      if (birth == null) {
        errors.add(new RowError(row, Column.BIRTH_DATE.header, "Ngày sinh không hợp lệ: \"" + birthText
            + "\" (dạng ngày/tháng/năm, ví dụ 14/05/1990)."));
      } else if (birth.isBefore(LocalDate.of(1900, 1, 1)) || birth.isAfter(LocalDate.now(clock).minusYears(15))) {
        errors.add(new RowError(row, Column.BIRTH_DATE.header, "Ngày sinh không hợp lệ: " + birthText + "."));
        birth = null;
      }
    } else if (kind == SubjectKind.INDIVIDUAL) {
      errors.add(new RowError(row, Column.BIRTH_DATE.header, "Cá nhân phải có ngày sinh."));
    }
    String citizenHash = null;
    String citizen = raw.get(Column.CITIZEN_ID);
    if (citizen != null) {
      if (kind != SubjectKind.INDIVIDUAL) {
        errors.add(new RowError(row, Column.CITIZEN_ID.header, "Chỉ cá nhân có số định danh cá nhân."));
      } else if (!CitizenIds.valid(citizen)) {
        errors.add(new RowError(row, Column.CITIZEN_ID.header, "Số định danh cá nhân phải có 12 chữ số (hoặc 9 chữ số"
            + " của chứng minh nhân dân cũ)."));
      } else {
        citizenHash = citizenIds.hash(citizen);
      }
    }
    String unit = raw.get(Column.UNIT_CODE) != null ? raw.get(Column.UNIT_CODE).toLowerCase() : importer.defaultUnit();
    if (unit == null) {
      errors.add(new RowError(row, Column.UNIT_CODE.header, "Chưa có mã đơn vị (cột \"Mã đơn vị\" hoặc chọn đơn vị"
          + " khi nhập)."));
    } else if (!units.contains(unit)) {
      errors.add(new RowError(row, Column.UNIT_CODE.header, "Mã đơn vị \"" + unit + "\" không có."));
    } else if (importer.allowedUnits() != null && !importer.allowedUnits().contains(unit)) {
      errors.add(new RowError(row, Column.UNIT_CODE.header, "Bạn chỉ được nhập sổ khen thưởng của đơn vị mình."));
    }
    String role = null;
    String roleText = raw.get(Column.ROLE);
    if (roleText != null) {
      SubjectRole r = role(roleText);
      if (r == null) {
        errors.add(new RowError(row, Column.ROLE.header, "Vai trò không hợp lệ: Lãnh đạo, quản lý; Trực tiếp lao động,"
            + " sản xuất, công tác; Tập thể nhỏ; Tập thể."));
      } else if (kind != null && r.kind() != kind) {
        errors.add(new RowError(row, Column.ROLE.header, "Vai trò \"" + roleText + "\" không dùng cho "
            + kind.label().toLowerCase() + "."));
      } else {
        role = r.name();
      }
    }
    int year = 0;
    String yearText = raw.get(Column.YEAR);
    int thisYear = LocalDate.now(clock).getYear();
    if (yearText == null) {
      errors.add(new RowError(row, Column.YEAR.header, "Chưa có năm."));
    } else if (!yearText.matches("\\d{4}") || Integer.parseInt(yearText) < 1945 || Integer.parseInt(yearText) > thisYear) {
      errors.add(new RowError(row, Column.YEAR.header, "Năm không hợp lệ: \"" + yearText + "\" (từ 1945 đến " + thisYear
          + ")."));
    } else {
      year = Integer.parseInt(yearText);
    }
    String awardText = raw.get(Column.AWARD);
    String ratingText = raw.get(Column.RATING);
    if (awardText == null && ratingText == null) {
      errors.add(new RowError(row, Column.AWARD.header, "Dòng không có danh hiệu, hình thức khen thưởng hay xếp loại."));
    }
    AwardType award = null;
    AwardKind awardKind = AwardKind.ANNUAL;
    String number = null;
    LocalDate decisionDate = null;
    String decidedBy = null;
    if (awardText != null) {
      award = awards.get(awardText.toUpperCase());
      if (award == null) {
        award = awards.get(VietnameseText.fold(awardText));
      }
      if (award == null) {
        errors.add(new RowError(row, Column.AWARD.header, "Danh hiệu, hình thức khen thưởng không có trong danh mục: \""
            + awardText + "\"."));
      } else if (kind != null && !award.allowsSubject(kind.name())) {
        errors.add(new RowError(row, Column.AWARD.header, award.name() + " không xét cho " + kind.label().toLowerCase()
            + "."));
      }
      String kindOfAward = raw.get(Column.AWARD_KIND);
      if (kindOfAward != null) {
        awardKind = awardKind(kindOfAward);
        if (awardKind == null) {
          errors.add(new RowError(row, Column.AWARD_KIND.header, "Loại hình khen thưởng không hợp lệ: \"" + kindOfAward
              + "\" (Thường xuyên, Đột xuất, Chuyên đề, Cống hiến, Niên hạn, Đối ngoại)."));
        }
      }
      number = raw.get(Column.DECISION_NUMBER);
      if (number == null) {
        errors.add(new RowError(row, Column.DECISION_NUMBER.header, "Chưa có số quyết định."));
      } else if (number.length() > 40) {
        errors.add(new RowError(row, Column.DECISION_NUMBER.header, "Số quyết định không được dài quá 40 ký tự."));
      }
      String dateText = raw.get(Column.DECISION_DATE);
      if (dateText == null) {
        errors.add(new RowError(row, Column.DECISION_DATE.header, "Chưa có ngày quyết định."));
      } else {
        decisionDate = date(dateText);
        if (decisionDate == null) {
          errors.add(new RowError(row, Column.DECISION_DATE.header, "Ngày quyết định không hợp lệ: \"" + dateText
              + "\" (dạng ngày/tháng/năm)."));
        } else if (decisionDate.isAfter(LocalDate.now(clock))) {
          errors.add(new RowError(row, Column.DECISION_DATE.header, "Ngày quyết định " + dateText + " ở tương lai."));
        } else if (year > 0 && decisionDate.getYear() < year) {
          errors.add(new RowError(row, Column.DECISION_DATE.header, "Ngày quyết định " + dateText
              + " trước năm khen thưởng " + year + "."));
        }
      }
      decidedBy = raw.get(Column.DECIDED_BY);
      if (decidedBy == null && award != null) {
        decidedBy = award.decider();
      } else if (decidedBy != null && decidedBy.length() > 200) {
        errors.add(new RowError(row, Column.DECIDED_BY.header, "Cấp quyết định không được dài quá 200 ký tự."));
      }
    }
    Rating rating = null;
    if (ratingText != null) {
      rating = rating(ratingText);
      if (rating == null) {
        errors.add(new RowError(row, Column.RATING.header, "Xếp loại không hợp lệ: \"" + ratingText + "\" (Hoàn thành"
            + " xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)."));
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    String workUnit = raw.get(Column.WORK_UNIT);
    SubjectDraft draft = new SubjectDraft(kind, name, kind == SubjectKind.INDIVIDUAL ? birth : null, unit, workUnit,
        raw.get(Column.POSITION), role, citizenHash);
    return new Entry(row, draft, draft.identityKey(), award == null ? null : award.code(), awardKind, year, number,
        decisionDate, decidedBy, rating, workUnit);
  }

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DMY_DATE = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");

  /** yyyy-MM-dd, or d/M/yyyy (also with '-' or '.'), strictly (31/02 is refused); null if not a date. */
  static LocalDate date(String text) {
    String t = text.strip();
    try {
      if (ISO_DATE.matcher(t).matches()) {
        return LocalDate.parse(t);
      }
      var m = DMY_DATE.matcher(t);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)));
      }
    } catch (java.time.DateTimeException invalid) {
      return null;
    }
    return null;
  }

  static SubjectRole role(String text) {
    String f = VietnameseText.fold(text);
    for (SubjectRole r : SubjectRole.values()) {
      if (r.name().equalsIgnoreCase(text.strip()) || VietnameseText.fold(r.label()).equals(f)) {
        return r;
      }
    }
    if (f.startsWith("lanh dao") || f.startsWith("can bo lanh dao") || f.equals("quan ly")) {
      return SubjectRole.LEADER;
    }
    if (f.startsWith("truc tiep") || f.startsWith("nguoi truc tiep") || f.startsWith("lao dong truc tiep")) {
      return SubjectRole.DIRECT_WORKER;
    }
    if (f.startsWith("tap the nho")) {
      return SubjectRole.SMALL_COLLECTIVE;
    }
    if (f.equals("tap the") || f.startsWith("tap the khac")) {
      return SubjectRole.COLLECTIVE;
    }
    return null;
  }

  static AwardKind awardKind(String text) {
    String f = VietnameseText.fold(text);
    for (AwardKind k : AwardKind.values()) {
      if (k.name().equalsIgnoreCase(text.strip()) || VietnameseText.fold(k.label()).equals(f)) {
        return k;
      }
    }
    return switch (f) {
      case "thuong xuyen", "hang nam", "thanh tich nam", "cong trang", "theo cong trang" -> AwardKind.ANNUAL;
      case "dot xuat" -> AwardKind.SUDDEN;
      case "chuyen de", "theo chuyen de", "theo dot", "chuyen de, dot" -> AwardKind.THEMATIC;
      case "cong hien", "qua trinh cong hien" -> AwardKind.CONTRIBUTION;
      case "nien han", "theo nien han" -> AwardKind.SENIORITY;
      case "doi ngoai" -> AwardKind.DIPLOMATIC;
      default -> null;
    };
  }

  static Rating rating(String text) {
    String f = VietnameseText.fold(text);
    for (Rating r : Rating.values()) {
      if (r.name().equalsIgnoreCase(text.strip()) || VietnameseText.fold(r.label()).equals(f)) {
        return r;
      }
    }
    return switch (f) {
      case "xuat sac", "htxsnv" -> Rating.EXCELLENT;
      case "tot", "httnv" -> Rating.GOOD;
      case "hoan thanh", "htnv" -> Rating.COMPLETED;
      case "khong hoan thanh", "khtnv" -> Rating.NOT_COMPLETED;
      default -> null;
    };
  }

  static Map<String, Object> counts(Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", o.rows());
    m.put("awardsAdded", o.awardsAdded());
    return m;
  }
}
