package vn.gov.sonla.tdkt.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.junit.jupiter.api.Test;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardLevel;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.calendar.CalendarProperties;
import vn.gov.sonla.tdkt.award.AwardKind;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.dossier.DossierRepository;
import vn.gov.sonla.tdkt.dossier.DossierStatus;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;
import vn.gov.sonla.tdkt.kernel.Page;

/**
 * The citizens' notice list ({@code GET /api/public/notices}) with many dossiers on notice: each with its notice's
 * end and its unit's name, read with one question to the engine for all the notice timers and one for all the units
 * (found by the deadline-day load test: two engine queries per dossier, p95 171 ms at 0 errors on the idle machine).
 */
class PublicNoticeListTest {

  @Test
  void everyDossierOnNoticeHasItsEndAndUnitFromOneQueryEach() {
    int count = 250;
    List<Dossier> onNotice = new ArrayList<>();
    List<Job> timers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String unit = i % 2 == 0 ? "sgddt" : "syt";
      onNotice.add(new Dossier("2026-%s-%04d".formatted(unit, i), unit, "BK_TINH", AwardKind.ANNUAL, 2026,
          SubjectKind.INDIVIDUAL, "Người " + i, LocalDate.of(1980, 1, 1), null, null, "Thành tích " + i,
          DossierStatus.PUBLIC_NOTICE, null, "pi-" + i, "officer", OffsetDateTime.now(), OffsetDateTime.now(),
          OffsetDateTime.now()));
      Job timer = mock(Job.class);
      when(timer.getProcessInstanceId()).thenReturn("pi-" + i);
      when(timer.getDuedate()).thenReturn(new Date(1_800_000_000_000L + i * 60_000L));
      timers.add(timer);
    }
    DossierRepository dossiers = mock(DossierRepository.class);
    when(dossiers.search(any(), isNull(), anyInt(), anyInt())).thenAnswer(call -> {
      int page = call.getArgument(2);
      int size = call.getArgument(3);
      return new Page<>(onNotice.subList(Math.min(count, page * size), Math.min(count, (page + 1) * size)), page,
          size, count);
    });
    ManagementService management = mock(ManagementService.class);
    JobQuery jobs = mock(JobQuery.class, RETURNS_SELF);
    when(management.createJobQuery()).thenReturn(jobs);
    when(jobs.list()).thenReturn(timers);
    // the same timers one by one, as a query per dossier would ask for them
    String[] asked = new String[1];
    when(jobs.processInstanceId(any())).thenAnswer(call -> {
      asked[0] = call.getArgument(0);
      return jobs;
    });
    when(jobs.singleResult()).thenAnswer(call -> timers.stream()
        .filter(t -> t.getProcessInstanceId().equals(asked[0])).findFirst().orElse(null));
    IdentityService identity = mock(IdentityService.class);
    GroupQuery groups = mock(GroupQuery.class, RETURNS_SELF);
    when(identity.createGroupQuery()).thenReturn(groups);
    Group sgddt = mock(Group.class);
    when(sgddt.getId()).thenReturn("unit-sgddt");
    when(sgddt.getName()).thenReturn("Sở Giáo dục và Đào tạo");
    Group syt = mock(Group.class);
    when(syt.getId()).thenReturn("unit-syt");
    when(syt.getName()).thenReturn("Sở Y tế");
    when(groups.list()).thenReturn(List.of(sgddt, syt));
    String[] group = new String[1];
    when(groups.groupId(any())).thenAnswer(call -> {
      group[0] = call.getArgument(0);
      return groups;
    });
    when(groups.singleResult()).thenAnswer(call -> "unit-sgddt".equals(group[0]) ? sgddt : syt);
    AwardCatalog catalog = mock(AwardCatalog.class);
    when(catalog.get("BK_TINH")).thenReturn(
        new AwardType("BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", AwardLevel.PROVINCIAL, Set.of("INDIVIDUAL"), ""));
    EngineAuthentication asSystem = mock(EngineAuthentication.class);
    when(asSystem.asSystem(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
    PublicNoticeService service = new PublicNoticeService(dossiers, catalog, identity, management,
        mock(RuntimeService.class), mock(ObjectionRepository.class), asSystem, null, null,
        new CalendarProperties(null, null, List.of(), List.of()), Clock.systemUTC());

    List<PublicNotice> notices = service.current();

    assertThat(notices).hasSize(count);
    for (int i = 0; i < count; i++) {
      PublicNotice n = notices.get(i);
      assertThat(n.code()).isEqualTo(onNotice.get(i).code());
      assertThat(n.noticeEndsAt()).isEqualTo(new Date(1_800_000_000_000L + i * 60_000L));
      assertThat(n.noticeEndsAtText()).isNotBlank();
      assertThat(n.unitName()).isEqualTo(i % 2 == 0 ? "Sở Giáo dục và Đào tạo" : "Sở Y tế");
      assertThat(n.awardTypeName()).isEqualTo("Bằng khen của Chủ tịch UBND tỉnh");
    }
    verify(management, times(1)).createJobQuery();
    verify(identity, times(1)).createGroupQuery();
  }
}
