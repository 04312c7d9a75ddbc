package vn.gov.sonla.tdkt.unittask;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.Groups;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;

/**
 * {@code GET /api/unit-tasks}: a unit's open tasks from the read model {@code unit_task} (issue 20), one indexed
 * range per page, so that the 2,000th task costs what the first does. Without {@code unit}, the caller's own
 * units; with it, that unit ({@link UnitTaskAccess}). Each item links to the task in Tasklist, where the officer
 * claims and completes it as before (the engine's own checks apply there).
 */
@RestController
public class UnitTaskController {

  /** One task of the list, with its addresses in Tasklist and, for a dossier's task, the dossier's page. */
  public record Item(String taskId, String taskKey, String taskName, String candidateGroup, String unitCode,
      String assignee, Instant created, Instant due, String processInstanceId, String processKey, String businessKey,
      String dossierCode, String subjectName, String awardType, String awardTypeName, Integer awardYear,
      String tasklistUrl, String dossierUrl) {

    static Item of(UnitTask t) {
      String group = t.candidateGroup();
      return new Item(t.taskId(), t.taskKey(), t.taskName(), group,
          group.startsWith(Groups.UNIT_PREFIX) ? group.substring(Groups.UNIT_PREFIX.length()) : null,
          t.assignee(), t.created(), t.due(), t.processInstanceId(), t.processKey(), t.businessKey(),
          t.dossierCode(), t.subjectName(), t.awardType(), t.awardTypeName(), t.awardYear(),
          "/camunda/app/tasklist/default/#/?task=" + t.taskId(),
          t.dossierCode() == null ? null : "/dossiers/view.html?code=" + t.dossierCode());
    }
  }

  /**
   * A page of the list: {@code next} is the {@code after} of the following page (newest-first order only; null on
   * the last page).
   */
  public record ListPage(List<Item> items, int page, int size, long total, String next) {}

  private final UnitTaskRepository tasks;
  private final CurrentUserProvider currentUser;

  public UnitTaskController(UnitTaskRepository tasks, CurrentUserProvider currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  /**
   * A page of a unit's open tasks: those whose candidate group is the unit's group, assigned ones included.
   *
   * @param unit the unit's code (e.g. {@code sgddt}); without it, the caller's own units
   * @param page page number from 0
   * @param size tasks per page (1–100, 20 by default)
   * @param sort {@code created} (newest first, as Tasklist) or {@code due} (nearest due date first)
   * @param after keyset paging (newest first only): the previous page's {@code next}; {@code page} is then
   *     ignored
   */
  @GetMapping("/api/unit-tasks")
  @PreAuthorize("@unitTaskAccess.canRead(authentication, #unit)")
  public ResponseEntity<ListPage> list(
      @RequestParam(required = false)
      @Pattern(regexp = "\\s*[a-z0-9][a-z0-9-]{0,39}\\s*", message = "{unitTasks.unit.pattern}") String unit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "{unitTasks.page.range}")
      @Max(value = 10_000, message = "{unitTasks.page.range}") int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = "{unitTasks.size.range}")
      @Max(value = 100, message = "{unitTasks.size.range}") int size,
      @RequestParam(defaultValue = "created")
      @Pattern(regexp = "created|due", message = "{unitTasks.sort.pattern}") String sort,
      @RequestParam(required = false)
      @Pattern(regexp = "\\d{1,15}~[A-Za-z0-9._:-]{1,64}", message = "{unitTasks.after.pattern}") String after) {
    List<String> groups = unit == null || unit.isBlank()
        ? currentUser.get().unitCodes().stream().map(Groups::unit).toList()
        : List.of(Groups.unit(unit.strip()));
    UnitTaskRepository.Sort order = UnitTaskRepository.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
    List<UnitTask> rows;
    if (after != null) {
      if (order != UnitTaskRepository.Sort.CREATED) {
        throw new InvalidInputException("Phân trang theo con trỏ chỉ dùng với thứ tự mới nhất trước.",
            List.of(new FieldProblem("after", "Chỉ dùng được khi sort=created.")));
      }
      int cut = after.indexOf('~');
      rows = tasks.after(groups, Instant.ofEpochMilli(Long.parseLong(after.substring(0, cut))),
          after.substring(cut + 1), size);
    } else {
      rows = tasks.page(groups, order, page, size);
    }
    List<Item> items = rows.stream().map(Item::of).toList();
    UnitTask last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    String next = order == UnitTaskRepository.Sort.CREATED && rows.size() == size
        ? last.created().toEpochMilli() + "~" + last.taskId() : null;
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(new ListPage(items, page, size, tasks.count(groups), next));
  }
}
