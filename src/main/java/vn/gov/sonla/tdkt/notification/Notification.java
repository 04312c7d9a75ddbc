package vn.gov.sonla.tdkt.notification;

import java.time.OffsetDateTime;

public record Notification(String id, String recipient, String dossierCode, String kind, String message,
    OffsetDateTime createdAt) {}
