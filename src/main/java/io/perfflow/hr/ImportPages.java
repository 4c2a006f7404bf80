package io.perfflow.hr;

import io.perfflow.InvalidInputException;
import io.perfflow.api.MetricsController;
import io.perfflow.metrics.ImportResult;
import io.perfflow.metrics.MetricImportException;
import io.perfflow.source.SourceImportException;
import io.perfflow.source.SourceIngestion;
import io.perfflow.source.SourceTable;
import io.perfflow.source.SourceTables;
import io.perfflow.web.PageController;
import io.perfflow.wellbeing.AttendanceImport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Imports (HR): a file of metric values ({@code POST /api/metrics/import}) or of a source table's
 * rows ({@code POST /api/source/{table}}, attendance included) uploaded from the browser; all or
 * nothing, each bad row listed with its field and why. Same limits as the API (2 MB for metric
 * values and attendance, 1 GiB for the other source tables, streamed).
 */
@PageController
public class ImportPages {
  static final String ATTENDANCE = "attendance";

  private final MetricsController metrics;
  private final SourceIngestion ingestion;
  private final AttendanceImport attendance;

  public ImportPages(MetricsController metrics, SourceIngestion ingestion, AttendanceImport attendance) {
    this.metrics = metrics;
    this.ingestion = ingestion;
    this.attendance = attendance;
  }

  @GetMapping("/imports")
  String page(Authentication auth, Model model) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.importData"));
    return page(model, null, null, List.of(), null);
  }

  @PostMapping("/imports/metrics")
  String importMetrics(@RequestParam(required = false) MultipartFile file, Authentication auth, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.importMetrics"));
    if (file == null || file.isEmpty()) {
      response.setStatus(400);
      return page(model, "metrics", null, List.of(new HrPages.BadRow("file", "file", io.perfflow.Msg.of("hr.error.chooseCsvOrJson").current())), null);
    }
    try {
      ImportResult result = (ImportResult) metrics.importMetrics(HrPages.text(file), HrPages.isJson(file) ? "application/json" : "text/csv", auth);
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.importedMetrics", result.rowCount(), file.getOriginalFilename(), result.batchId()).current());
      return "redirect:/imports";
    } catch (MetricImportException e) {
      response.setStatus(400);
      return page(model, "metrics", null, HrPages.rows(e.errors()), file.getOriginalFilename());
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return page(model, "metrics", null, HrPages.rows(e), file.getOriginalFilename());
    }
  }

  @PostMapping("/imports/source")
  String importSource(@RequestParam(defaultValue = "") String table, @RequestParam(required = false) MultipartFile file, Authentication auth,
      Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.importSource"));
    SourceTable target = SourceTables.named(table).orElse(null);
    if (target == null && !table.equals(ATTENDANCE)) {
      response.setStatus(400);
      return page(model, "source", table, List.of(new HrPages.BadRow("file", "table", io.perfflow.Msg.of("hr.error.chooseTable").current())), null);
    }
    if (file == null || file.isEmpty()) {
      response.setStatus(400);
      return page(model, "source", table, List.of(new HrPages.BadRow("file", "file", io.perfflow.Msg.of("hr.error.chooseFile").current())), null);
    }
    if (target == null && file.getSize() > io.perfflow.config.InputLimitsFilter.IMPORT_LIMIT) {
      response.setStatus(413);
      return page(model, "source", table, List.of(new HrPages.BadRow("file", "file", io.perfflow.Msg.of("hr.error.attendanceTooLarge",
          io.perfflow.config.InputLimitsFilter.IMPORT_LIMIT, file.getSize()).current())), file.getOriginalFilename());
    }
    boolean isJson = HrPages.isJson(file);
    try {
      String done;
      if (target == null) {
        Map<String, Object> result = attendance.importRows(HrPages.text(file), isJson, auth.getName());
        done = result.get("rows") + " attendance row(s), " + result.get("replaced") + " replaced";
      } else {
        try (InputStream in = file.getInputStream()) {
          SourceIngestion.Result result = ingestion.ingest(target, in, isJson ? SourceIngestion.Format.JSON : SourceIngestion.Format.CSV, auth.getName());
          done = result.rows() + " row(s) of " + target.name() + ": " + result.inserted() + " new, " + result.replaced() + " replaced";
        }
      }
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.imported", done, file.getOriginalFilename()).current());
      return "redirect:/imports";
    } catch (SourceImportException e) {
      response.setStatus(400);
      List<HrPages.BadRow> rows = new ArrayList<>(HrPages.rows(e.errors()));
      if (!e.complete()) {
        rows.add(new HrPages.BadRow("…", "", io.perfflow.Msg.of("hr.error.stopped").current()));
      }
      return page(model, "source", table, rows, file.getOriginalFilename());
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return page(model, "source", table, HrPages.rows(e), file.getOriginalFilename());
    }
  }

  private String page(Model model, String failed, String table, List<HrPages.BadRow> errors, String fileName) {
    model.addAttribute("tables", SourceTables.ALL);
    model.addAttribute("table", table);
    model.addAttribute("failed", failed);
    model.addAttribute("importErrors", errors);
    model.addAttribute("importFile", fileName);
    return "imports";
  }
}
