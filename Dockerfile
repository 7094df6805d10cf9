# One image for every role: `docker run IMAGE api` or `docker run IMAGE streams` (see README).
# Not built on our CI machine (it has no Docker engine).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -ntp -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
WORKDIR /opt/registry
COPY --from=build /src/registry-launcher/target/registry.jar /opt/registry/registry.jar
COPY --from=build /src/registry-launcher/target/lib /opt/registry/lib
EXPOSE 8081
# As ./registry: JDK 17's code cache sweeper recompiles hot code endlessly under load (perf/RESULTS.md).
ENV JDK_JAVA_OPTIONS="-XX:-UseCodeCacheFlushing"
ENTRYPOINT ["java", "-jar", "/opt/registry/registry.jar"]
CMD ["api"]
