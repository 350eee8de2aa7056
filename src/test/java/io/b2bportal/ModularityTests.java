package io.b2bportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesOnlyDependOnWhatTheyAreAllowedTo() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheStyleGuideExists() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "customers", "catalog", "pricing", "ordering", "documents", "payments",
                        "claims", "crm", "analytics", "integration");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
