package vn.gov.sonla.tdkt.bloc;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the scoring: the ranking with the tie-break rule (not yet published; the deputy reviews it). */
@Component("rankBloc")
public class RankBloc implements JavaDelegate {

  private final BlocRepository blocs;
  private final BlocRanking ranking;

  public RankBloc(BlocRepository blocs, BlocRanking ranking) {
    this.blocs = blocs;
    this.ranking = ranking;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = (String) execution.getVariable("blocCode");
    int year = (Integer) execution.getVariable("year");
    Bloc.Scheme scheme = blocs.scheme(code, year);
    List<Bloc.Ranked> ranked = ranking.rank(BlocRanking.entries(scheme, blocs.members(code, year),
        blocs.scores(code, year), blocs.selfAssessments(code, year)));
    blocs.saveRanking(code, year, ranked);
    execution.setVariable("rankingSummary", ranked.stream()
        .map(r -> r.rank() + ". " + r.unitCode() + " – " + r.total().toPlainString() + " điểm"
            + (r.tieBreak() == null ? "" : " (xếp trên đơn vị kế tiếp theo " + r.tieBreak() + ")"))
        .collect(Collectors.joining("\n")));
  }
}
