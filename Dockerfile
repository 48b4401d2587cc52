# GMBot server image. Build: docker build -t gmbot .   Run: see docker-compose.yml.
# Stage 1: build the shaded server jar with Maven on a Temurin 25 JDK.
FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY gmbot-ports/pom.xml gmbot-ports/
COPY gmbot-domain/pom.xml gmbot-domain/
COPY gmbot-testkit/pom.xml gmbot-testkit/
COPY gmbot-adapter-telegram/pom.xml gmbot-adapter-telegram/
COPY gmbot-adapter-postgres/pom.xml gmbot-adapter-postgres/
COPY gmbot-adapter-redis/pom.xml gmbot-adapter-redis/
COPY gmbot-app-micronaut/pom.xml gmbot-app-micronaut/
COPY gmbot-app-lambda/pom.xml gmbot-app-lambda/
COPY docs/pom.xml docs/
# Dependencies first, so that source changes reuse this layer.
RUN mvn -B -q -pl gmbot-app-micronaut -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -pl gmbot-app-micronaut -am package -DskipTests \
 && cp gmbot-app-micronaut/target/gmbot-server.jar /gmbot-server.jar

# Stage 2: a JRE, a non-root user, the jar.
FROM eclipse-temurin:25-jre
RUN groupadd --system gmbot && useradd --system --gid gmbot --home-dir /app gmbot \
 && mkdir -p /app/data && chown -R gmbot:gmbot /app \
 && apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /gmbot-server.jar /app/gmbot-server.jar
USER gmbot
# Memory: the serial collector and a fixed 128 MiB heap keep the resident size under 256 MiB at
# thousands of updates per second (docs/performance.md, "Memory"); a container limit of 320 MiB
# leaves room. Raise -Xmx (not the limit alone) for hundreds of thousands of cached members.
ENV PORT=8443 \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx128m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError"
# Start-up: the JDK's AOT cache (classes loaded and linked, method profiles), made here by a
# training run of the sandbox with this image's JVM (which also opens the PostgreSQL and Redis
# clients against a refused local port, for their classes), plus the HTTP paths the scenario does
# not take; the server then answers /health in about a second (docs/performance.md, "Start-up").
RUN java -XX:AOTCacheOutput=/app/gmbot-server.aot -jar /app/gmbot-server.jar sandbox \
      --scenario-only --train-start-up-cache --port 18099 > /tmp/aot-training.log 2>&1 & pid=$!; \
    for i in $(seq 1 600); do curl -s -o /dev/null http://127.0.0.1:18099/health && break; sleep 0.05; done; \
    for i in 1 2 3; do \
      curl -s -o /dev/null http://127.0.0.1:18099/health; \
      curl -s -o /dev/null http://127.0.0.1:18099/metrics; \
      curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"update_id":1}' http://127.0.0.1:18099/webhook; \
    done; \
    if wait $pid && [ -f /app/gmbot-server.aot ]; then rm -f /tmp/aot-training.log; \
    else cat /tmp/aot-training.log; exit 1; fi
EXPOSE 8443
# /health is 200 when the database and Telegram answer (503 otherwise).
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1
# Migrations run at start-up (GMBOT_MIGRATE_ON_START=true); `migrate` runs them alone.
ENTRYPOINT ["java", "-XX:AOTCache=/app/gmbot-server.aot", "-jar", "/app/gmbot-server.jar"]
CMD ["server"]
