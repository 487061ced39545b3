package org.vermerk.app.policy;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How the client reaches the delivery server: the policy key {@code proxy}, written as an object
 * whose {@code mode} is {@code system}, {@code none}, {@code manual} or {@code pac}.
 */
public sealed interface ProxySetting {
    /** Whatever the operating system is configured to use (the default). */
    record UseSystem() implements ProxySetting {
        @Override
        public String toString() {
            return "system";
        }
    }

    /** A direct connection, no proxy. */
    record NoProxy() implements ProxySetting {
        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * One HTTP proxy for every connection except to the hosts in {@code bypass}.
     *
     * @param bypass host names, {@code *.}-prefixed domain patterns or IP addresses reached directly
     */
    record Manual(String host, int port, List<String> bypass) implements ProxySetting {
        public Manual {
            Objects.requireNonNull(host, "host");
            bypass = List.copyOf(bypass);
        }

        @Override
        public String toString() {
            return "manual " + host + ":" + port + (bypass.isEmpty() ? "" : ", bypass " + String.join(", ", bypass));
        }
    }

    /** A proxy auto-config script (JavaScript {@code FindProxyForURL}) at an http, https or file URL. */
    record Pac(URI url) implements ProxySetting {
        public Pac {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "pac " + url;
        }
    }
}
