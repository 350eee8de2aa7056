package io.b2bportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The B2B wholesale portal: one runnable modular monolith. Each top-level package is a
 * Spring Modulith application module; {@code ModularityTests} verifies their dependencies.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "B2B Portal", sharedModules = "shared")
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
