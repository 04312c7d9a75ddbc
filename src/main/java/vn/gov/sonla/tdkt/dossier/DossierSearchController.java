package vn.gov.sonla.tdkt.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidDossierException;
import vn.gov.sonla.tdkt.kernel.Page;
import vn.gov.sonla.tdkt.kernel.VietnameseText;

/**
 * {@code GET /api/dossiers/search}: auditors, the Department of Home Affairs and administrators search
 * every unit's dossiers by subject name (accent-insensitive substring), unit, award, kind, year,
 * status, decision number, appraiser and submission dates (Vietnamese calendar days, inclusive);
 * paged and sorted ({@code sort=submittedAt|code|subjectName|status[,asc|desc]}, ascending unless
 * {@code desc}; without {@code sort} the newest submissions first). Others get 403, anonymous callers
 * 401 (the /api/** security chain).
 */
@RestController
public class DossierSearchController {

  private static final int MAX_TEXT = 200;

  private final DossierSearch search;
  private final AwardCatalog catalog;
  private final CalendarProperties calendar;
  private final CurrentUserProvider currentUser;

  public DossierSearchController(DossierSearch search, AwardCatalog catalog, CalendarProperties calendar,
      CurrentUserProvider currentUser) {
    this.search = search;
    this.catalog = catalog;
    this.calendar = calendar;
    this.currentUser = currentUser;
  }

  /** Searches dossiers by code or subject name (accents and case ignored), unit and award, by page. */
  @GetMapping("/api/dossiers/search")
  @PreAuthorize("@dossierAccess.canSearch(authentication)")
  public Page<DossierSearch.Item> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String awardType,
      @RequestParam(required = false) String awardKind, @RequestParam(required = false) String year,
      @RequestParam(required = false) String status, @RequestParam(required = false) String decisionNumber,
      @RequestParam(required = false) String appraiser, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size, @RequestParam(required = false) String sort) {
    List<FieldProblem> problems = new ArrayList<>();

    String subject = VietnameseText.fold(blankToNull(q));
    if (subject != null && subject.isEmpty()) {
      subject = null;
    }
    if (subject != null && subject.length() > MAX_TEXT) {
      problems.add(new FieldProblem("q", "Tên cần tìm dài quá " + MAX_TEXT + " ký tự."));
    }
    String award = blankToNull(awardType);
    if (award != null && catalog.find(award).isEmpty()) {
      problems.add(new FieldProblem("awardType", "Hình thức khen thưởng không tồn tại: " + award + "."));
    }
    AwardKind kind = parseEnum(AwardKind.class, awardKind, "awardKind", "Loại hình khen thưởng không hợp lệ: ",
        problems);
    DossierStatus statusFilter = parseEnum(DossierStatus.class, status, "status", "Trạng thái không hợp lệ: ",
        problems);
    Integer yearFilter = parseInt(year, "year", null, 1900, 9999, "Năm khen thưởng phải là số từ 1900 đến 9999.",
        problems);
    LocalDate fromDay = parseDate(from, "from", "Ngày bắt đầu (nộp từ ngày) không hợp lệ", problems);
    LocalDate toDay = parseDate(to, "to", "Ngày kết thúc (nộp đến ngày) không hợp lệ", problems);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      problems.add(new FieldProblem("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi."));
    }
    Integer pageNumber = parseInt(page, "page", 0, 0, 1_000_000, "Số trang phải từ 0 trở lên.", problems);
    Integer pageSize = parseInt(size, "size", 20, 1, 200, "Số hồ sơ mỗi trang phải từ 1 đến 200.", problems);

    DossierSearch.Sort sortField = DossierSearch.Sort.SUBMITTED_AT;
    boolean ascending = false;
    String sortText = blankToNull(sort);
    if (sortText != null) {
      String[] parts = sortText.split(",", -1);
      DossierSearch.Sort field = parts.length <= 2 ? DossierSearch.Sort.ofField(parts[0].strip()) : null;
      String dir = parts.length == 2 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT) : "";
      if (field == null || !(dir.isEmpty() || dir.equals("asc") || dir.equals("desc"))) {
        problems.add(new FieldProblem("sort", "Cách sắp xếp không hợp lệ: " + sortText
            + ". Dùng submittedAt, code, subjectName hoặc status, kèm ,asc hoặc ,desc."));
      } else {
        sortField = field;
        ascending = !dir.equals("desc"); // a field alone sorts ascending
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDossierException(problems);
    }

    OffsetDateTime submittedFrom = fromDay == null ? null
        : fromDay.atStartOfDay(calendar.zone()).toOffsetDateTime();
    OffsetDateTime submittedBefore = toDay == null ? null
        : toDay.plusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
    return search.find(new DossierSearch.Criteria(subject, blankToNull(unit), award, kind, yearFilter, statusFilter,
        blankToNull(decisionNumber), blankToNull(appraiser), submittedFrom, submittedBefore, sortField, ascending),
        pageNumber, pageSize);
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, String message,
      List<FieldProblem> problems) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    E parsed = DossierValidator.parse(type, text).orElse(null);
    if (parsed == null) {
      problems.add(new FieldProblem(field, message + text + "."));
    }
    return parsed;
  }

  private static Integer parseInt(String value, String field, Integer absent, int min, int max, String message,
      List<FieldProblem> problems) {
    String text = blankToNull(value);
    if (text == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new FieldProblem(field, message));
    return absent;
  }

  private static LocalDate parseDate(String value, String field, String message, List<FieldProblem> problems) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, message + ": " + text + " (định dạng YYYY-MM-DD)."));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
