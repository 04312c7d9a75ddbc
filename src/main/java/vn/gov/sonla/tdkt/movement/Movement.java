package vn.gov.sonla.tdkt.movement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A thematic emulation movement: its period, criteria, intake window and award forms with planned numbers. */
public record Movement(String id, String name, String launchingDocument, LocalDate periodStart, LocalDate periodEnd,
    String criteria, LocalDate intakeStart, LocalDate intakeEnd, List<PlannedAward> awards, String createdBy,
    OffsetDateTime createdAt) {

  public record PlannedAward(String awardType, int plannedCount) {}

  public boolean acceptsOn(LocalDate day) {
    return !day.isBefore(intakeStart) && !day.isAfter(intakeEnd);
  }

  public boolean offers(String awardType) {
    return awards.stream().anyMatch(a -> a.awardType().equals(awardType));
  }
}
