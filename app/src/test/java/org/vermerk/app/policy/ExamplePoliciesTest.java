package org.vermerk.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example policies that docs/admin/policy.md shows are accepted as they are. */
class ExamplePoliciesTest {
    private static final Path DOCS = Path.of("..", "docs", "admin");
    private final PolicyFile policyFile = new PolicyFile(new PolicyParser());

    @Test
    void theMinimalExampleSetsAndLocksTheServer() throws Exception {
        AdminPolicy policy = policyFile.load(DOCS.resolve("policy.minimal.json"));
        assertThat(policy.value(Settings.SERVER_URL)).isPresent();
        assertThat(policy.locked()).containsExactly(Settings.SERVER_URL);
    }

    @Test
    void theFullExampleSetsEveryKey() throws Exception {
        AdminPolicy policy = policyFile.load(DOCS.resolve("policy.full.json"));
        for (Setting<?> setting : Settings.all()) {
            assertThat(policy.value(setting)).as(setting.key()).isPresent();
        }
        assertThat(policy.locked()).isNotEmpty();
    }
}
