# PerfFlow for the camunda runtime: build with Maven on JDK 21, run on a JRE 21 as a non-root user.
# Tags are pinned (DeploymentFilesConsistencyTest checks it).

FROM maven:3.9.16-eclipse-temurin-21 AS build
WORKDIR /build
# Everything the build reads (pom, sources, processes/, forms/, workers/); .dockerignore keeps
# target/, data/ and the git metadata out. maven-toolchains-plugin's select-jdk-toolchain finds
# this image's JDK 21 (JAVA_HOME) by itself. No `RUN --mount` cache: it needs BuildKit, and
# `docker compose up --build` must also work with the classic builder.
COPY . .
RUN mvn -B -q -DskipTests package \
 && cp target/perfflow-*.jar /build/perfflow.jar

FROM eclipse-temurin:21.0.12_8-jre-noble
RUN groupadd --system --gid 10001 perfflow \
 && useradd --system --uid 10001 --gid perfflow --create-home --home-dir /home/perfflow \
      --shell /usr/sbin/nologin perfflow
WORKDIR /app
COPY --from=build --chown=perfflow:perfflow /build/perfflow.jar /app/perfflow.jar
USER 10001:10001
ENV SPRING_PROFILES_ACTIVE=camunda \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/perfflow.jar"]
