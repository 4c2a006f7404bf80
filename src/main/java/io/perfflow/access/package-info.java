/**
 * Who may read what and who may act on which task: one place, used by the API, the pages and
 * (in camunda mode) the task listeners alike. {@link io.perfflow.access.AccessPolicy} answers
 * reads of a subject (review, supplier-delay case, cycle rankings, tasks, employees);
 * {@link io.perfflow.access.TaskRules} answers whether someone may complete, claim or be given a
 * task, including "nobody decides their own review". A refusal is a
 * {@link io.perfflow.NotPermittedException} (403).
 */
package io.perfflow.access;
