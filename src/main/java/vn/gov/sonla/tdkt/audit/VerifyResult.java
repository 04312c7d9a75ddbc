package vn.gov.sonla.tdkt.audit;

/**
 * The outcome of checking the audit chain: {@code records} checked; when not {@code ok}, the first
 * record whose link is broken and why. {@code lastHash} is the hash of the last record: written down
 * outside the database, it lets an auditor detect a rewrite of the whole chain later.
 */
public record VerifyResult(boolean ok, long records, Long firstBrokenSeq, String reason, String lastHash) {}
