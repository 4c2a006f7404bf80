package io.perfflow.review;

import io.perfflow.CompanyTime;
import io.perfflow.engine.ModelSetting;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the monthly cycle opens: the 1st of every month at {@code perfflow.cycles.monthly-schedule.time}
 * (06:00) in the company time zone, written into {@code review-cycle.bpmn}'s timer at deployment as
 * {@code R/<next 1st with its UTC offset>/P1M} (see {@link ModelSetting#monthlyCycle}). Whether the
 * timer opens a cycle at all is {@code perfflow.cycles.monthly-schedule.enabled} (off by default).
 */
@Configuration(proxyBeanMethods = false)
public class MonthlyCycleSchedule {
  static final String FILE = "review-cycle.bpmn";
  static final String TIMER_DEFINITION = "monthly-cycle-timer-definition";

  @Bean
  ModelSetting monthlyCycleTime(CompanyTime companyTime, @Value("${perfflow.cycles.monthly-schedule.time:06:00}") String time) {
    return new ModelSetting(FILE, TIMER_DEFINITION,
        ModelSetting.monthlyCycle(companyTime, ModelSetting.timeOfDay("perfflow.cycles.monthly-schedule.time", time), Instant.now()));
  }
}
