package vn.gov.sonla.tdkt.notice;

import java.util.Date;

/**
 * What the public notice shows of a dossier the council passed: no personal data beyond this.
 * {@code noticeEndsAtText} is the end of the notice as people write it ("17:00 ngày 14/12/2026").
 */
public record PublicNotice(String code, String subjectName, String unitName, String awardTypeName, String awardKindLabel,
    int year, String achievements, Date noticeEndsAt, String noticeEndsAtText) {}
