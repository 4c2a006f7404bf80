package io.perfflow.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the start's time goes (a diagnostic, off by default): with {@code -Dperfflow.startup.profile=true}
 * Spring records every startup step (bean instantiations, context phases), and once PerfFlow is
 * ready the steps that took longest by their own time (without the steps nested in them) are
 * logged. docs/operations.md ("Start time") reports what it showed.
 */
public final class StartupProfile implements ApplicationListener<ApplicationReadyEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(StartupProfile.class);
  private final BufferingApplicationStartup startup;

  private StartupProfile(BufferingApplicationStartup startup) {
    this.startup = startup;
  }

  /** Switches the profile on for {@code app} when {@code perfflow.startup.profile} is set. */
  public static void installIfAsked(SpringApplication app) {
    if (Boolean.getBoolean("perfflow.startup.profile")) {
      BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
      app.setApplicationStartup(startup);
      app.addListeners(new StartupProfile(startup));
    }
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    StartupTimeline timeline = startup.drainBufferedTimeline();
    Map<Long, Duration> childTime = new HashMap<>();
    for (StartupTimeline.TimelineEvent e : timeline.getEvents()) {
      Long parent = e.getStartupStep().getParentId();
      if (parent != null) {
        childTime.merge(parent, e.getDuration(), Duration::plus);
      }
    }
    record Own(String what, long ownMs, long totalMs) {}
    List<Own> steps = new ArrayList<>();
    for (StartupTimeline.TimelineEvent e : timeline.getEvents()) {
      StartupStep step = e.getStartupStep();
      StringBuilder what = new StringBuilder(step.getName());
      for (StartupStep.Tag tag : step.getTags()) {
        if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor") || tag.getKey().equals("listener")) {
          what.append(' ').append(tag.getValue());
        }
      }
      Duration own = e.getDuration().minus(childTime.getOrDefault(step.getId(), Duration.ZERO));
      steps.add(new Own(what.toString(), own.toMillis(), e.getDuration().toMillis()));
    }
    steps.sort(Comparator.comparingLong(Own::ownMs).reversed());
    StringBuilder b = new StringBuilder("Startup profile (own time, total time in ms), the 40 longest steps of ")
        .append(steps.size()).append(':');
    steps.stream().limit(40).forEach(s -> b.append("\n  ").append(s.ownMs()).append("  ").append(s.totalMs()).append("  ").append(s.what()));
    LOG.info(b.toString());
  }
}
