package vn.gov.sonla.tdkt.bloc;

import java.time.MonthDay;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Emulation blocs: the registration window (working days from 31 December of the year before, so 20 is the
 * end of January), the day the year-end self-assessments open, and how many units a bloc may propose for the
 * provincial Emulation Flag (per bloc code, else the default).
 */
@ConfigurationProperties("tdkt.blocs")
public record BlocProperties(Integer registrationWorkingDays, String selfAssessmentOpens, Integer flagsPerBloc,
    Map<String, Integer> flagsByBloc) {

  public BlocProperties {
    registrationWorkingDays = registrationWorkingDays == null ? 20 : registrationWorkingDays;
    selfAssessmentOpens = selfAssessmentOpens == null ? "12-01" : selfAssessmentOpens;
    MonthDay.parse("--" + selfAssessmentOpens);
    flagsPerBloc = flagsPerBloc == null ? 1 : flagsPerBloc;
    flagsByBloc = flagsByBloc == null ? Map.of() : Map.copyOf(flagsByBloc);
    if (registrationWorkingDays <= 0 || flagsPerBloc < 0) {
      throw new IllegalArgumentException("tdkt.blocs: registration-working-days must be positive, flags-per-bloc >= 0");
    }
  }

  /** The day (MM-dd) the year-end self-assessments open. */
  public MonthDay selfAssessmentDay() {
    return MonthDay.parse("--" + selfAssessmentOpens);
  }

  /** Units the bloc may propose for CO_TINH. */
  public int flagsFor(String blocCode) {
    return flagsByBloc.getOrDefault(blocCode, flagsPerBloc);
  }
}
