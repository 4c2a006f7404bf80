package io.perfflow.promotion;

import io.perfflow.CompanyTime;
import io.perfflow.engine.ModelSetting;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the monthly promotion eligibility scan runs: the 1st of every month at
 * {@code perfflow.promotions.eligibility-scan.time} (07:00, an hour after the monthly cycle opens)
 * in the company time zone, written into {@code promotion-eligibility-scan.bpmn}'s timer at
 * deployment as {@code R/<next 1st with its UTC offset>/P1M} (see {@link ModelSetting#monthlyCycle}).
 */
@Configuration(proxyBeanMethods = false)
public class EligibilityScanSchedule {
  static final String FILE = "promotion-eligibility-scan.bpmn";
  static final String TIMER_DEFINITION = "scan-timer-definition";

  @Bean
  ModelSetting eligibilityScanTime(CompanyTime companyTime, @Value("${perfflow.promotions.eligibility-scan.time:07:00}") String time) {
    return new ModelSetting(FILE, TIMER_DEFINITION,
        ModelSetting.monthlyCycle(companyTime, ModelSetting.timeOfDay("perfflow.promotions.eligibility-scan.time", time), Instant.now()));
  }
}
