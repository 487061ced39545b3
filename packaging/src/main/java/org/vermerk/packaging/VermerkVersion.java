package org.vermerk.packaging;

import picocli.CommandLine.IVersionProvider;

/** The product version as the build stamped it into the jar's manifest. */
final class VermerkVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VermerkVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "Vermerk " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
