package vn.gov.sonla.tdkt.bloc;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.kernel.Created;
import vn.gov.sonla.tdkt.kernel.DossierStateException;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.InvalidInputException;

/** Emulation clusters and blocs: composition, registrations, the year end's scoring and flag proposals. */
@RestController
@RequestMapping("/api/blocs")
public class BlocController {

  public record YearRequest(Integer year) {}

  private final BlocService service;
  private final BlocRepository blocs;
  private final CurrentUserProvider currentUser;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final EngineAuthentication engine;
  private final CoCpProposals coCp;

  public BlocController(BlocService service, BlocRepository blocs, CurrentUserProvider currentUser,
      RuntimeService runtime, HistoryService history, TaskService tasks, EngineAuthentication engine,
      CoCpProposals coCp) {
    this.coCp = coCp;
    this.service = service;
    this.blocs = blocs;
    this.currentUser = currentUser;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.engine = engine;
  }

  /** The emulation clusters and blocs with their members, head and deputy for a year. */
  @GetMapping
  public List<Map<String, Object>> list(@RequestParam int year) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Bloc.Info b : blocs.all()) {
      out.add(view(b, year));
    }
    return out;
  }

  /**
   * One cluster or bloc for a year: members, leadership history, scoring scheme, self-assessments, scores and open
   * steps.
   */
  @GetMapping("/{code}")
  public Map<String, Object> get(@PathVariable String code, @RequestParam int year) {
    Map<String, Object> view = view(service.bloc(code), year);
    view.put("memberHistory", blocs.memberHistory(code));
    view.put("leadershipHistory", blocs.leadershipHistory(code));
    view.put("scheme", blocs.scheme(code, year));
    view.put("selfAssessed", blocs.selfAssessments(code, year).stream().map(Bloc.SelfAssessment::unitCode).toList());
    view.put("scored", blocs.scores(code, year).stream().map(Bloc.Score::unitCode).distinct().toList());
    view.put("steps", engine.asSystem(() -> tasks.createTaskQuery().processDefinitionKey(BlocService.BLOC_PROCESS)
        .processInstanceBusinessKey(year + "-" + code).list().stream().map(t -> Map.of("key", t.getTaskDefinitionKey(),
            "name", t.getName())).toList()));
    return view;
  }

  private Map<String, Object> view(Bloc.Info b, int year) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", b.code());
    m.put("name", b.name());
    m.put("kind", b.kind());
    m.put("year", year);
    m.put("members", blocs.members(b.code(), year).stream()
        .map(u -> Map.of("unitCode", u, "unitName", service.unitName(u))).toList());
    var l = blocs.leadership(b.code(), year);
    m.put("head", l.map(Bloc.Leadership::headUnit).orElse(null));
    m.put("deputy", l.map(Bloc.Leadership::deputyUnit).orElse(null));
    // what pages show: the units' names, never their codes
    m.put("headName", l.map(Bloc.Leadership::headUnit).map(service::unitName).orElse(null));
    m.put("deputyName", l.map(Bloc.Leadership::deputyUnit).map(service::unitName).orElse(null));
    return m;
  }

  /** Creates or changes a cluster or bloc with its members and leadership for a year (home-affairs); answers 201. */
  @Created
  @PostMapping
  public ResponseEntity<Map<String, Object>> save(@RequestBody BlocService.BlocRequest r) {
    Bloc.Info b = service.save(r, currentUser.get());
    return ResponseEntity.created(URI.create("/api/blocs/" + b.code() + "?year=" + r.year())).body(view(b, r.year()));
  }

  /** CSV body (text/csv or text/plain): bloc_code,bloc_name,kind,unit_code,role. */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  public List<Map<String, Object>> importCsv(@RequestParam int year, @RequestBody String csv) {
    return service.importCsv(year, csv, currentUser.get()).stream().map(b -> view(b, year)).toList();
  }

  /** The bloc's scoring scheme for a year: criteria, maximum points and weights. */
  @GetMapping("/{code}/schemes/{year}")
  public Bloc.Scheme scheme(@PathVariable String code, @PathVariable int year) {
    service.bloc(code);
    return blocs.scheme(code, year);
  }

  /** Sets the bloc's scoring scheme for a year (the bloc head or home-affairs), before scoring starts. */
  @PutMapping("/{code}/schemes/{year}")
  public Bloc.Scheme saveScheme(@PathVariable String code, @PathVariable int year,
      @RequestBody BlocService.SchemeRequest r) {
    return service.saveScheme(code, year, r, currentUser.get());
  }

  /** Home-affairs opens the emulation year (process emulation-year, business key YYYY). */
  @Created
  @PostMapping("/years")
  @Transactional
  @PreAuthorize("@blocAccess.canOpenYear(authentication)")
  public ResponseEntity<Map<String, Object>> openYear(@RequestBody YearRequest r) {
    CurrentUser user = currentUser.get();
    if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
      throw new InvalidInputException("Năm không hợp lệ.", List.of(new FieldProblem("year", "Năm không hợp lệ.")));
    }
    String key = String.valueOf(r.year());
    long existing = engine.asSystem(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(BlocService.YEAR_PROCESS).processInstanceBusinessKey(key).count());
    if (existing > 0) {
      throw new DossierStateException("Năm thi đua " + key + " đã được mở.");
    }
    String id = engine.asSystem(() -> runtime.startProcessInstanceByKey(BlocService.YEAR_PROCESS, key).getId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", r.year());
    body.put("processInstanceId", id);
    body.put("blocCodes", engine.asSystem(() -> runtime.getVariable(id, "blocCodes")));
    return ResponseEntity.created(URI.create("/api/blocs/registrations?year=" + key)).body(body);
  }

  /** The year's emulation registrations (đăng ký thi đua): which member units have registered. */
  @GetMapping("/registrations")
  public Map<String, Object> registrations(@RequestParam int year) {
    return service.registrationStatus(year, currentUser.get());
  }

  /** Registers the signed-in officer's unit for the year's emulation in its bloc; answers 201. */
  @Created(location = false)
  @PostMapping("/registrations")
  public ResponseEntity<Bloc.Registration> register(@RequestBody BlocService.RegistrationRequest r) {
    return ResponseEntity.status(201).body(service.register(r, currentUser.get()));
  }

  /** The unit's self-assessment against the bloc's scheme for the year; answers 201. */
  @Created(location = false)
  @PostMapping("/{code}/years/{year}/self-assessments")
  public ResponseEntity<Bloc.SelfAssessment> selfAssess(@PathVariable String code, @PathVariable int year,
      @RequestBody BlocService.SelfAssessmentRequest r) {
    return ResponseEntity.status(201).body(service.selfAssess(code, year, r, currentUser.get()));
  }

  /** The bloc's scores for a member unit (the bloc head or deputy). */
  @PostMapping("/{code}/years/{year}/scores")
  public Map<String, Object> score(@PathVariable String code, @PathVariable int year,
      @RequestBody BlocService.ScoreRequest r) {
    return service.score(code, year, r, currentUser.get());
  }

  /** Closes the bloc's scoring for the year and answers the ranking it gives. */
  @PostMapping("/{code}/years/{year}/scoring/completion")
  public List<Map<String, Object>> completeScoring(@PathVariable String code, @PathVariable int year) {
    CurrentUser user = currentUser.get();
    service.completeScoring(code, year, user);
    return service.ranking(code, year, user);
  }

  /** The bloc's review of its ranking (the bloc head): confirms or corrects it, with the reason. */
  @PostMapping("/{code}/years/{year}/review")
  public List<Map<String, Object>> review(@PathVariable String code, @PathVariable int year,
      @RequestBody BlocService.ReviewRequest r) {
    CurrentUser user = currentUser.get();
    service.review(code, year, r, user);
    return service.ranking(code, year, user);
  }

  /** Proposes the bloc's leading units for the provincial Emulation Flag (CO_TINH): creates their dossiers. */
  @PostMapping("/{code}/years/{year}/flag-proposal")
  public List<Map<String, Object>> proposeFlags(@PathVariable String code, @PathVariable int year,
      @RequestBody BlocService.FlagRequest r) {
    CurrentUser user = currentUser.get();
    service.proposeFlags(code, year, r, user);
    return service.ranking(code, year, user);
  }

  /** The bloc's ranking for the year, with each unit's score and tie-break. */
  @GetMapping("/{code}/years/{year}/ranking")
  public List<Map<String, Object>> ranking(@PathVariable String code, @PathVariable int year) {
    return service.ranking(code, year, currentUser.get());
  }

  /** The year's holders of the provincial flag won through a bloc: the candidates for CO_CP. */
  @GetMapping("/flag-holders")
  @PreAuthorize("@blocAccess.canReadFlagHolders(authentication)")
  public List<Map<String, Object>> flagHolders(@RequestParam int year) {
    return coCp.holders(year).stream().map(h -> Map.<String, Object>of("blocCode", h[0], "unitCode", h[1],
        "unitName", service.unitName(h[1]), "coTinhDossier", h[2])).toList();
  }

  /** Home-affairs proposes one of the flag holders for the Government Emulation Flag: a CO_CP dossier. */
  @Created
  @PostMapping("/co-cp")
  public ResponseEntity<Map<String, Object>> proposeCoCp(@RequestBody CoCpProposals.CoCpRequest r) {
    var d = coCp.propose(r, currentUser.get());
    return ResponseEntity.created(URI.create("/api/dossiers/" + d.code()))
        .body(Map.of("code", d.code(), "unitCode", d.unitCode(), "awardType", d.awardType(), "status", d.status()));
  }

  /** Per bloc and year: members, registered, late, and the published ranking (totals), for the chart. */
  @GetMapping("/dashboard")
  @PreAuthorize("@blocAccess.canReadDashboard(authentication)")
  public Map<String, Object> dashboard(@RequestParam int from, @RequestParam int to) {
    CurrentUser user = currentUser.get();
    if (to < from || to - from > 20) {
      throw new InvalidInputException("Khoảng năm không hợp lệ.", List.of(new FieldProblem("to", "Từ năm phải trước đến năm (tối đa 20 năm).")));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Bloc.Info b : blocs.all()) {
      List<Map<String, Object>> years = new ArrayList<>();
      for (int y = from; y <= to; y++) {
        List<String> members = blocs.members(b.code(), y);
        if (members.isEmpty() || blocs.leadership(b.code(), y).isEmpty()) {
          continue;
        }
        Map<String, Object> status = service.registrationStatus(y, user);
        long registered = 0;
        long late = 0;
        for (Object o : (List<?>) status.get("blocs")) {
          Map<?, ?> entry = (Map<?, ?>) o;
          if (((Bloc.Info) entry.get("bloc")).code().equals(b.code())) {
            for (Object u : (List<?>) entry.get("units")) {
              Map<?, ?> unit = (Map<?, ?>) u;
              registered += Boolean.TRUE.equals(unit.get("registered")) ? 1 : 0;
              late += Boolean.TRUE.equals(unit.get("late")) ? 1 : 0;
            }
          }
        }
        Map<String, Object> year = new LinkedHashMap<>();
        year.put("year", y);
        year.put("members", members.size());
        year.put("registered", registered);
        year.put("late", late);
        year.put("ranking", blocs.ranking(b.code(), y).stream().map(r -> Map.of("unitCode", r.unitCode(),
            "rank", r.rank(), "total", r.total(), "published", r.publishedAt() != null)).toList());
        years.add(year);
      }
      out.add(Map.of("code", b.code(), "name", b.name(), "years", years));
    }
    return Map.of("from", from, "to", to, "blocs", out);
  }
}
