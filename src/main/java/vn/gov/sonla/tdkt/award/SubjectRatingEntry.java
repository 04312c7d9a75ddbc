package vn.gov.sonla.tdkt.award;

/** A subject's task-completion rating of a year. */
public record SubjectRatingEntry(String subjectId, int year, Rating rating, String source) {}
