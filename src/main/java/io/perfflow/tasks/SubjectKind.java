package io.perfflow.tasks;

import java.util.Set;

/**
 * A process family's kind of subject, as the inbox needs to know it (contributed as a bean by
 * the family): the tasks of {@code bpmnProcessIds} are about the {@code type} whose id is the
 * process variable {@code idVariable}. The API shows and filters tasks by that same name
 * ({@code GET /api/tasks?reviewId=}).
 */
public record SubjectKind(String type, String idVariable, Set<String> bpmnProcessIds) {}
