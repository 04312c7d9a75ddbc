package vn.gov.sonla.tdkt.decision;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/**
 * Lets a test of another package have the clerk number decisions ({@code tdkt.decision.numbering} {@code clerk}) for
 * a while, as an administrator would set it, and puts the system's register back when closed.
 */
public final class NumberingSwitch implements AutoCloseable {

  private final DecisionNumbering numbering;
  private final DecisionProperties.Numbering before;

  private NumberingSwitch(DecisionNumbering numbering) {
    this.numbering = numbering;
    this.before = numbering.mode();
    numbering.use(DecisionProperties.Numbering.CLERK);
  }

  /** The clerk numbers the decisions approved from now until {@link #close()}. */
  public static NumberingSwitch byClerk(DecisionNumbering numbering) {
    return new NumberingSwitch(numbering);
  }

  @Override
  public void close() {
    numbering.use(before);
  }
}
