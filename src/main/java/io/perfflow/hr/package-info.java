/**
 * HR's administration pages (issue 10, "HR in the UI"): people, scorecards, metric definitions,
 * metric and source imports, the peak-season calendar. Server-rendered, usable without
 * JavaScript, HR only (a metric's definition is readable by everyone, like {@code GET
 * /api/metrics/{code}}). Each page calls the very service or endpoint method the JSON API uses,
 * so checks, audit events and error messages are the API's; errors are shown next to the field
 * or, for files, row by row.
 */
package io.perfflow.hr;
