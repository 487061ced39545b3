package org.vermerk.protocol.framing.protection;

/**
 * How many zero bytes a sender appends to a PrivateMessageContent (RFC 9420 §6.3.1, §15.1): the
 * padding hides the exact length of the content. The choice is the sender's; a receiver only checks
 * that the bytes are zero.
 */
@FunctionalInterface
public interface Padding {
    /** No padding. */
    Padding NONE = length -> 0;

    /** The number of zero bytes to append to an encoded content of {@code length} bytes. */
    int paddingFor(int length);

    /** Pads the encoded content (content and auth data) up to the next multiple of {@code block} bytes. */
    static Padding toMultipleOf(int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block size " + block);
        }
        return length -> (block - length % block) % block;
    }
}
