package org.vermerk.ui.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.PolicyParser;
import org.vermerk.app.policy.UserSettingsSource;

/** Admin policies written as JSON in tests. */
public final class Policies {
    public static final Path FILE = Path.of("/etc/vermerk/policy.json");

    private Policies() {}

    public static AdminPolicy none() {
        return AdminPolicy.none(FILE);
    }

    public static AdminPolicy parse(String json) {
        try {
            return new PolicyParser().parse(FILE, json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static EffectiveSettings effective(AdminPolicy policy) {
        return EffectiveSettings.resolve(policy, UserSettingsSource.NONE);
    }
}
