package org.vermerk.app.cli;

import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.InvalidPolicyException;

/** Loads the admin policy the way the client does at start ({@code vermerk --policy FILE} or the machine's). */
@FunctionalInterface
public interface PolicySource {
    AdminPolicy load() throws InvalidPolicyException;
}
