package vn.gov.sonla.tdkt.dossier;

public record DossierFilter(DossierStatus status, String unit, Integer year, String awardType) {}
