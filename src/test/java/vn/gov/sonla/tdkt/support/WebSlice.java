package vn.gov.sonla.tdkt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.council.CouncilAccess;
import vn.gov.sonla.tdkt.council.CouncilProperties;
import vn.gov.sonla.tdkt.council.CouncilRepository;
import vn.gov.sonla.tdkt.council.CouncilSessionController;
import vn.gov.sonla.tdkt.council.CouncilSessionService;
import vn.gov.sonla.tdkt.dossier.DecisionLookup;
import vn.gov.sonla.tdkt.dossier.DocumentRepository;
import vn.gov.sonla.tdkt.dossier.DossierAccess;
import vn.gov.sonla.tdkt.dossier.DossierController;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierSearch;
import vn.gov.sonla.tdkt.dossier.DossierSearchController;
import vn.gov.sonla.tdkt.dossier.DossierService;
import vn.gov.sonla.tdkt.dossier.ProcedureDeadline;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;
import vn.gov.sonla.tdkt.identity.MethodSecurityConfig;
import vn.gov.sonla.tdkt.identity.PersonNames;

/**
 * The web layer alone (docs/testing.md): the dossier and council controllers with the project's problem details,
 * declared field rules (Bean Validation) and access rules ({@code @PreAuthorize} with the features' access beans), on
 * mocked services and repositories. Every collaborator is declared here once, so that every class carrying
 * {@code @WebSlice} shares ONE cached Spring context: a test class adds no {@code @MockitoBean} of its own (it
 * {@code @Autowired}s these mocks and stubs them), and a controller added here brings its collaborators here. Spring
 * Boot's default security chain stands in for the application's (log in with {@code user(...).authorities(
 * "GROUP_<group>")} and send {@code csrf()}); the chains themselves are tested in {@code @AppTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(controllers = {DossierController.class, DossierSearchController.class, CouncilSessionController.class})
@Import({MethodSecurityConfig.class, CurrentUserProvider.class, DossierAccess.class, CouncilAccess.class,
    WebSliceClock.class})
@MockitoBean(types = {DossierService.class, DossierRepository.class, DocumentRepository.class, AwardCatalog.class,
    RuntimeService.class, TaskService.class, IdentityService.class, EngineAuthentication.class, DecisionLookup.class,
    PersonNames.class, ProcedureDeadline.class, DossierSearch.class, CalendarProperties.class, CouncilRepository.class,
    CouncilSessionService.class, CouncilProperties.class})
public @interface WebSlice {}
