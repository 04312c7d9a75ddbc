package vn.gov.sonla.tdkt.notification;

import java.time.OffsetDateTime;

/** A notification as its reader sees it: with the kind's Vietnamese label and whether they have read it. */
public record NotificationView(String id, String recipient, String dossierCode, String kind, String kindLabel,
    String message, OffsetDateTime createdAt, boolean read) {}
