package vn.gov.sonla.tdkt.award;

import java.time.LocalDate;

/** A person, collective or household of the award register, with its stable identity. */
public record Subject(String id, String kind, String name, LocalDate birthDate, String unitCode, String workUnit,
    String position, String role, boolean hasCitizenId) {}
