package vn.gov.sonla.tdkt.bloc;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.identity.Groups;

/** Start of a bloc's year end: its members, head and deputy (groups of the tasks), the flags it may propose. */
@Component("prepareBlocYear")
public class PrepareBlocYear implements JavaDelegate {

  private final BlocRepository blocs;
  private final BlocService service;
  private final BlocProperties properties;

  public PrepareBlocYear(BlocRepository blocs, BlocService service, BlocProperties properties) {
    this.blocs = blocs;
    this.service = service;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = (String) execution.getVariable("blocCode");
    int year = (Integer) execution.getVariable("year");
    Bloc.Info bloc = service.bloc(code);
    Bloc.Leadership l = blocs.leadership(code, year).orElseThrow(() -> new ProcessEngineException(
        "Cụm, khối " + code + " chưa có Trưởng khối, Phó khối năm " + year));
    execution.setVariable("blocName", bloc.name());
    execution.setVariable("memberUnits", new ArrayList<>(blocs.members(code, year)));
    execution.setVariable("headUnit", l.headUnit());
    execution.setVariable("deputyUnit", l.deputyUnit());
    execution.setVariable("headGroup", Groups.unit(l.headUnit()));
    execution.setVariable("deputyGroup", Groups.unit(l.deputyUnit()));
    execution.setVariable("headUnitName", service.unitName(l.headUnit()));
    execution.setVariable("flagLimit", properties.flagsFor(code));
    execution.setVariable("blocUrl", "/blocs/bloc.html?code=" + code + "&year=" + year);
  }
}
