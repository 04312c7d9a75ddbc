package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.kernel.TaskInputException;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/**
 * Who numbers decisions ({@code tdkt.decision.numbering}, {@code ${decisionNumbering.byClerk()}} in the model):
 * the system's gapless register ({@code internal}), or the clerk (văn thư, group {@code clerk}), who enters the
 * number and the register's symbol from the office's register of documents in the task
 * {@code Task_NumberDecision} ({@code ${decisionNumbering.completed(task)}} checks them). A number is unique per
 * year and register (the database's constraint decision_number_unique holds it under concurrency too).
 */
@Component("decisionNumbering")
public class DecisionNumbering {

  public static final String SEQ = "decisionSeq";
  public static final String REGISTER = "decisionRegister";
  public static final String NUMBERED_BY = "numberedBy";

  private static final Pattern REGISTER_SYMBOL = Pattern.compile("[\\p{Lu}0-9]+(-[\\p{Lu}0-9]+)*");
  private static final int MAX_SEQ = 999_999;

  private final DecisionRepository decisions;
  private final vn.gov.sonla.tdkt.calendar.CalendarProperties calendar;
  private volatile DecisionProperties.Numbering mode;
  private final String symbol;

  public DecisionNumbering(DecisionRepository decisions, DecisionProperties properties,
      vn.gov.sonla.tdkt.calendar.CalendarProperties calendar) {
    this.decisions = decisions;
    this.calendar = calendar;
    this.mode = properties.numbering();
    this.symbol = properties.symbol();
  }

  public boolean byClerk() {
    return mode == DecisionProperties.Numbering.CLERK;
  }

  public DecisionProperties.Numbering mode() {
    return mode;
  }

  /** Switches the numbering at run time (tests; an administrator changes the setting and restarts). */
  void use(DecisionProperties.Numbering numbering) {
    this.mode = numbering;
  }

  /**
   * The clerk's task is created in the transaction of the Chairman's approval: its creation time is the signing
   * date, the decision's issue date whenever the clerk numbers it ({@code decidedOn}); the register's symbol is
   * proposed.
   */
  public void created(DelegateTask task) {
    task.getExecution().setVariable("decidedOn",
        task.getCreateTime().toInstant().atZone(calendar.zone()).toLocalDate().toString());
    if (task.getVariable(REGISTER) == null) {
      task.setVariable(REGISTER, symbol);
    }
  }

  /** Checks the number the clerk entered: a positive whole number, a register symbol, not taken in the year. */
  public void completed(DelegateTask task) {
    int seq = seq(task.getVariable(SEQ));
    String register = register(task.getVariable(REGISTER), symbol);
    Object decidedOn = task.getVariable("decidedOn");
    int year = decidedOn instanceof String day ? LocalDate.parse(day).getYear()
        : task.getCreateTime().toInstant().atZone(calendar.zone()).getYear();
    if (decisions.exists(year, register, seq)) {
      throw new TaskInputException(taken(seq, register, year));
    }
    // the clerk works the task claimed (Tasklist claims before completing)
    String clerk = task.getAssignee();
    if (clerk == null) {
      throw new TaskInputException("Hãy nhận việc trước khi cấp số quyết định.");
    }
    task.getExecution().setVariable(SEQ, seq);
    task.getExecution().setVariable(REGISTER, register);
    task.getExecution().setVariable(NUMBERED_BY, clerk);
  }

  static int seq(Object value) {
    long seq;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      seq = n.longValue();
    } else if (value instanceof String s && s.strip().matches("\\d{1,7}")) {
      seq = Long.parseLong(s.strip());
    } else {
      throw new TaskInputException("Số quyết định phải là một số nguyên dương, ví dụ 125.");
    }
    if (seq < 1 || seq > MAX_SEQ) {
      throw new TaskInputException("Số quyết định phải từ 1 đến " + MAX_SEQ + ".");
    }
    return (int) seq;
  }

  static String register(Object value, String fallback) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return fallback;
    }
    String register = value.toString().strip().toUpperCase(java.util.Locale.forLanguageTag("vi"));
    if (register.length() > 40 || !REGISTER_SYMBOL.matcher(register).matches()) {
      throw new TaskInputException("Ký hiệu sổ văn bản không hợp lệ (ví dụ: QĐ-UBND): chỉ gồm chữ in hoa, chữ số"
          + " và dấu gạch nối, tối đa 40 ký tự.");
    }
    return register;
  }

  static String taken(int seq, String register, int year) {
    return "Số " + seq + "/" + register + " đã được cấp cho một quyết định khác trong năm " + year
        + ". Hãy kiểm tra sổ văn bản và nhập số khác.";
  }
}
