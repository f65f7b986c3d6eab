# One image per service: docker build --build-arg SERVICE=ingest -t skillshelf-ingest .
# SERVICE is one of ingest, enrich, linkcheck, publish (the all-in-one app runs with ./skillshelf run).
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
ARG SERVICE
ENV SERVICE=${SERVICE}
RUN useradd --system --uid 10001 skillshelf && mkdir -p /data && chown skillshelf /data
WORKDIR /opt/skillshelf
COPY --from=build /src/${SERVICE}/target/lib/ lib/
COPY --from=build /src/${SERVICE}/target/skillshelf-${SERVICE}.jar service.jar
USER skillshelf
ENV SKILLSHELF_HTTP_HOST=0.0.0.0 SKILLSHELF_HTTP_PORT=8080 SKILLSHELF_DATA_DIR=/data
EXPOSE 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:MaxRAMPercentage=60", "-jar", "service.jar"]
