package org.vermerk.protocol;

/**
 * A validation rule of the MLS engine. Every rule has a stable identifier (such as {@code
 * CODEC-1}) that appears in the error it raises and in the test that proves it, so a failure
 * seen in the field can be traced to the RFC text and the test. Each package keeps its rules in
 * an enum of its own that implements this interface.
 */
public interface ValidationRule {
    /** The stable identifier, e.g. {@code CODEC-1}. */
    String id();

    /** What the rule demands, with the RFC 9420 section it comes from. */
    String description();
}
