package vn.gov.sonla.tdkt.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dossier's open supplement request as the unit's upload page shows it: the Tasklist task it belongs to (and the
 * address that reopens it), when it was requested and is due, what Home Affairs asked for, and the files added since.
 */
public record SupplementRound(String dossierCode, String taskId, String tasklistUrl, OffsetDateTime requestedAt,
    OffsetDateTime due, String missingItems, List<StoredDocument> added) {}
