package io.b2bportal.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the portal on an embedded PostgreSQL 18 when {@code spring.datasource.url} is not set, so a fresh
 * machine with only a JDK gets a real database. With {@code SPRING_DATASOURCE_URL} set, this backs off and
 * Spring Boot's own DataSource configuration connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${portal.embedded-db.data-directory}") Path dataDirectory,
            @Value("${portal.embedded-db.port:0}") int port,
            @Value("${portal.embedded-db.clean-on-start:false}") boolean cleanOnStart) {
        return EmbeddedPostgresServer.acquire(dataDirectory, port, cleanOnStart);
    }

    /** Destroyed before the server it depends on, so connections close before PostgreSQL stops. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server,
            @Value("${portal.embedded-db.database:portal}") String database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(database));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("portal");
        return dataSource;
    }
}
