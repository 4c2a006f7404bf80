package io.perfflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole product on the embedded runtime: a real Zeebe engine and a real PostgreSQL (both
 * throw-away) and a real SMTP capture, with the demo company seeded. Every class with this
 * annotation shares one application context, so tests create their own employees, orders and
 * cycles (unique ids, so any class order and a rerun of a failed test work) and scope what they
 * start to them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"perfflow.embedded.postgres.data-dir=", "perfflow.embedded.engine.data-dir="})
public @interface EmbeddedPerfFlowTest {}
