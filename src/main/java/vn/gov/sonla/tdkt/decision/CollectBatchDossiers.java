package vn.gov.sonla.tdkt.decision;

import static org.camunda.spin.Spin.JSON;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;

/**
 * Opens the batch {@code YYYY-R<n>-<awardType>}: the dossiers of that award type waiting for a decision by batch
 * (at {@code Event_AwaitDecisionBatch}) whose council session was of the year and of round n or earlier (an
 * excluded dossier waits for a later batch), and that are on no other undecided batch. Each dossier's facts for
 * the Chairman (appraisal opinion, eligibility and override reason, council tally, notice outcome, reward) go to
 * the variable {@code batchItems}.
 */
@Component("collectBatchDossiers")
public class CollectBatchDossiers implements JavaDelegate {

  public static final String WAIT_ACTIVITY = "Event_AwaitDecisionBatch";
  static final Pattern KEY = Pattern.compile("(\\d{4})-R(\\d{1,3})-([A-Z0-9_]+)");
  private static final Pattern SESSION = Pattern.compile("(\\d{4})-R(\\d{1,3})");

  private final RuntimeService runtime;
  private final DossierRepository dossiers;
  private final DecisionBatchRepository batches;
  private final AwardCatalog catalog;
  private final AwardRegistration registration;
  private final DecisionComposer composer;
  private final CalendarProperties calendar;

  private final java.time.Clock clock;

  public CollectBatchDossiers(RuntimeService runtime, DossierRepository dossiers, DecisionBatchRepository batches,
      AwardCatalog catalog, AwardRegistration registration, DecisionComposer composer, CalendarProperties calendar, java.time.Clock clock) {
    this.clock = clock;
    this.runtime = runtime;
    this.dossiers = dossiers;
    this.batches = batches;
    this.catalog = catalog;
    this.registration = registration;
    this.composer = composer;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a batch key: " + key);
    }
    int year = Integer.parseInt(m.group(1));
    int round = Integer.parseInt(m.group(2));
    String awardType = m.group(3);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    batches.create(key, year, round, awardType, (String) execution.getVariable("openedBy"), now);
    LocalDate today = now.atZoneSameInstant(calendar.zone()).toLocalDate();
    List<Map<String, Object>> items = new ArrayList<>();
    for (ProcessInstance pi : waiting(runtime)) {
      Dossier d = dossiers.find(pi.getBusinessKey()).orElse(null);
      if (d == null || !awardType.equals(d.awardType()) || batches.isProposed(d.code())) {
        continue;
      }
      Map<String, Object> vars = runtime.getVariables(pi.getId());
      if (!ofRound(vars.get("councilSession"), year, round)) {
        continue;
      }
      batches.addItem(key, d.code());
      items.add(item(d, vars, today));
    }
    items.sort(Comparator.comparing(i -> (String) i.get("code")));
    execution.setVariable("batchKey", key);
    execution.setVariable("batchItems", JSON(items));
    execution.setVariable("batchCount", items.size());
    execution.setVariable("awardTypeName", catalog.get(awardType).name());
    execution.setVariable("proposalUrl", "/api/decision-batches/" + key + "/proposal.pdf");
    execution.setVariable("draftUrl", "/api/decision-batches/" + key + "/draft.pdf");
  }

  /** The dossier processes waiting for a decision by batch. */
  static List<ProcessInstance> waiting(RuntimeService runtime) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("commendation-dossier")
        .activityIdIn(WAIT_ACTIVITY).list();
  }

  /** Whether a council session ("2025-R1") belongs to the batch's year at or before its round; none: any batch. */
  static boolean ofRound(Object session, int year, int round) {
    if (!(session instanceof String s)) {
      return true;
    }
    Matcher m = SESSION.matcher(s);
    return !m.matches() || Integer.parseInt(m.group(1)) == year && Integer.parseInt(m.group(2)) <= round;
  }

  private Map<String, Object> item(Dossier d, Map<String, Object> vars, LocalDate today) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("code", d.code());
    item.put("subjectName", d.subjectName());
    item.put("unitName", registration.unitName(d));
    item.put("awardTypeName", catalog.get(d.awardType()).name());
    item.put("appraisal", text(vars.get("appraisalSummary"), "Chưa có ý kiến thẩm định."));
    Object eligible = vars.get("eligible");
    item.put("eligibility", Boolean.TRUE.equals(eligible) ? "Đạt các tiêu chuẩn đối chiếu"
        : Boolean.FALSE.equals(eligible) ? "Chưa đạt tiêu chuẩn đối chiếu" : "Chưa đối chiếu");
    item.put("override", Boolean.TRUE.equals(vars.get("eligibilityOverridden"))
        ? text(vars.get("eligibilityOverrideReason"), "Có, chưa nêu lý do") : "Không");
    item.put("tally", vars.get("votesFor") == null ? (Boolean.TRUE.equals(vars.get("councilPassed"))
        ? "Hội đồng đã thông qua (không có số phiếu)" : "Không qua Hội đồng")
        : vars.get("votesFor") + " đồng ý / " + vars.get("votesAgainst") + " không đồng ý / "
            + vars.get("votesAbsent") + " vắng (cần " + vars.get("votesRequired") + " trên "
            + vars.get("councilMembers") + " thành viên), phiên " + text(vars.get("councilSession"), ""));
    Object finding = vars.get("objectionFinding");
    item.put("notice", finding == null ? "Đã công khai đủ thời hạn, không có phản ánh"
        : "Có phản ánh, đã xác minh không đúng: " + finding);
    DecisionContent.Reward reward = composer.reward(d, today);
    item.put("reward", reward == null ? "Không kèm tiền thưởng" : DecisionDocument.money(reward.amount()));
    item.put("url", "/api/dossiers/" + d.code());
    return item;
  }

  private static String text(Object value, String fallback) {
    return value instanceof String s && !s.isBlank() ? s.strip() : fallback;
  }
}
