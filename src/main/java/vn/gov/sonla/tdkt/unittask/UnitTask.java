package vn.gov.sonla.tdkt.unittask;

import java.time.Instant;

/**
 * One open user task as a unit sees it in its list: the task (id, definition key, Vietnamese name, candidate group,
 * assignee, created, due), its process instance and, for a dossier's task, what the officer needs to choose it: the
 * dossier code, the subject, the award and its year.
 */
public record UnitTask(String taskId, String candidateGroup, String taskKey, String taskName, String assignee,
    Instant created, Instant due, String processInstanceId, String processKey, String businessKey,
    String dossierCode, String subjectName, String awardType, String awardTypeName, Integer awardYear) {}
