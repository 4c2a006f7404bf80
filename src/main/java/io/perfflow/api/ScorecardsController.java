package io.perfflow.api;

import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class ScorecardsController {
  private final Scorecards scorecards;

  public ScorecardsController(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  public record ProfileBody(List<Kpi> kpis) {}

  @GetMapping("/scorecards")
  public List<WeightProfile> all() {
    return scorecards.all();
  }

  /** Creates or replaces a role's profile; weights must sum to exactly 100. */
  @PutMapping("/scorecards/{role}/profiles/{profile}")
  public WeightProfile put(@PathVariable String role, @PathVariable String profile, @RequestBody ProfileBody body, Principal principal) {
    return scorecards.save(new WeightProfile(role, profile, body.kpis()), principal.getName());
  }

  @GetMapping("/peak-seasons")
  public Map<String, String> peakSeasons() {
    return scorecards.peakSeasons();
  }

  public record PeakSeasonBody(String name) {}

  @PutMapping("/peak-seasons/{period}")
  public Map<String, String> putPeakSeason(@PathVariable String period, @RequestBody PeakSeasonBody body, Principal principal) {
    scorecards.savePeakSeason(period, body.name() == null ? "peak season" : body.name(), principal.getName());
    return scorecards.peakSeasons();
  }

  @DeleteMapping("/peak-seasons/{period}")
  public ResponseEntity<Void> deletePeakSeason(@PathVariable String period, Principal principal) {
    scorecards.deletePeakSeason(period, principal.getName());
    return ResponseEntity.noContent().build();
  }
}
