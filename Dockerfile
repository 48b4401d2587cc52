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
COPY gmbot-assembly/pom.xml gmbot-assembly/
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
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /gmbot-server.jar /app/gmbot-server.jar
USER gmbot
ENV PORT=8443 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8443
# /health is 200 when the database and Telegram answer (503 otherwise).
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1
# Migrations run at start-up (GMBOT_MIGRATE_ON_START=true); `migrate` runs them alone.
ENTRYPOINT ["java", "-jar", "/app/gmbot-server.jar"]
CMD ["server"]
