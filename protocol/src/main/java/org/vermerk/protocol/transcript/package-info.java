/**
 * Transcript hashes and the confirmation tag (RFC 9420 §8.2, §6.1). A package of its own rather
 * than part of {@code schedule}, where the RFC describes them: they hash {@code framing}'s
 * AuthenticatedContent, and {@code framing} already depends on {@code schedule} for the
 * GroupContext, so putting them there would tie the two packages in a cycle.
 */
package org.vermerk.protocol.transcript;
