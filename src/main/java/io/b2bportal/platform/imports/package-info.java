/**
 * Bulk imports and exports of tables, for every module: the platform reads the file, runs the job in the
 * background and keeps its report; a module says what the rows mean.
 *
 * <p>Reading: {@link io.b2bportal.platform.imports.TableFile} opens an upload as CSV (UTF-8 with or without a BOM,
 * or windows-1251; separated by {@code ;}, {@code ,} or tab) or XLSX (streamed, zip bombs and DOCTYPEs refused)
 * and hands it row by row to a {@link io.b2bportal.platform.imports.RowSink}, never as a list of all rows.
 * {@link io.b2bportal.platform.imports.Cells} turns cells into typed values and reports a wrong one, with the row,
 * to {@link io.b2bportal.platform.imports.RowIssues}. Writing: {@link io.b2bportal.platform.imports.TableWriter}
 * streams CSV or XLSX with formulas defused.
 *
 * <p>Jobs: a module registers an {@link io.b2bportal.platform.imports.ImportHandler} bean per kind of import (a
 * code such as {@code catalog.products} or {@code pricing.prices}); {@link io.b2bportal.platform.imports.Imports}
 * queues uploads as jobs in {@code platform.import_job}. Any node claims them ({@code for update skip locked}),
 * runs a dry run or an apply in one transaction through the handler's
 * {@link io.b2bportal.platform.imports.ImportTarget} (rows checked in Java, loaded into a temp table, classified
 * and applied set-based), heartbeats the job while it runs, and puts back the jobs of a node that stopped
 * heartbeating. {@link io.b2bportal.platform.imports.ImportReports} renders a job for pages and the API; the
 * template {@code platform/imports.html} has the progress panel and the job list every module's page includes.
 */
@NamedInterface("imports")
package io.b2bportal.platform.imports;

import org.springframework.modulith.NamedInterface;
