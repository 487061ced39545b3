package org.vermerk.app.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vermerk.protocol.crypto.Secret;

/** The chunked AES-256-GCM blob format (ADR 0021): round trips at chunk edges, and each kind of tampering fails. */
class BlobEncryptionTest {
    private static final int CHUNK = BlobFormat.CHUNK;
    private final Secret key = Secret.of(bytes(32, 1));

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private byte[] seal(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlobEncryption.Sealed sealed = BlobEncryption.encrypt(new ByteArrayInputStream(plain), out, key);
        assertThat(sealed.size()).isEqualTo(plain.length);
        assertThat(sealed.sha256()).isEqualTo(sha256(plain));
        assertThat((long) out.size()).isEqualTo(BlobFormat.blobSize(plain.length));
        return out.toByteArray();
    }

    private byte[] open(byte[] blob, Secret withKey) throws IOException {
        try (DecryptingInputStream in = new DecryptingInputStream(new ByteArrayInputStream(blob), withKey)) {
            return in.readAllBytes();
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5})
    void roundTripsAtEveryChunkEdge(int size) throws IOException {
        byte[] plain = bytes(size, size);
        assertThat(open(seal(plain), key)).isEqualTo(plain);
    }

    @Test
    void aBlobCutAfterAFullChunkFailsBecauseThatChunkWasNotSealedAsTheLast() throws IOException {
        byte[] blob = seal(bytes(2 * CHUNK + 10, 2));
        byte[] cut = Arrays.copyOf(blob, BlobFormat.HEADER + CHUNK + BlobFormat.TAG);
        assertThatThrownBy(() -> open(cut, key)).isInstanceOf(DecryptingInputStream.CorruptBlobException.class);
    }

    @Test
    void swappedChunksFail() throws IOException {
        byte[] blob = seal(bytes(3 * CHUNK, 3));
        int c = CHUNK + BlobFormat.TAG;
        byte[] swapped = blob.clone();
        System.arraycopy(blob, BlobFormat.HEADER, swapped, BlobFormat.HEADER + c, c);
        System.arraycopy(blob, BlobFormat.HEADER + c, swapped, BlobFormat.HEADER, c);
        assertThatThrownBy(() -> open(swapped, key)).isInstanceOf(DecryptingInputStream.CorruptBlobException.class);
    }

    @Test
    void aFlippedBitOrAnotherKeyFails() throws IOException {
        byte[] blob = seal(bytes(1000, 4));
        byte[] flipped = blob.clone();
        flipped[500] ^= 0x20;
        assertThatThrownBy(() -> open(flipped, key)).isInstanceOf(DecryptingInputStream.CorruptBlobException.class);
        assertThatThrownBy(() -> open(blob, Secret.of(bytes(32, 9))))
                .isInstanceOf(DecryptingInputStream.CorruptBlobException.class);
    }

    @Test
    void aChangedHeaderOrAHugeChunkSizeIsRefusedBeforeAllocating() throws IOException {
        byte[] blob = seal(bytes(1000, 5));
        byte[] otherMagic = blob.clone();
        otherMagic[0] = 'X';
        assertThatThrownBy(() -> open(otherMagic, key)).isInstanceOf(DecryptingInputStream.CorruptBlobException.class);
        byte[] huge = blob.clone();
        huge[4] = 0x7f;
        assertThatThrownBy(() -> open(huge, key))
                .isInstanceOf(DecryptingInputStream.CorruptBlobException.class)
                .hasMessageContaining("chunk size");
        byte[] empty = new byte[0];
        assertThatThrownBy(() -> open(empty, key)).isInstanceOf(DecryptingInputStream.CorruptBlobException.class);
    }

    @Test
    void theLargestFileFitsTheLimitAndOneByteMoreDoesNot() {
        for (long max : new long[] {1024 * 1024, 25L * 1024 * 1024, 100_000, BlobFormat.HEADER + BlobFormat.TAG}) {
            long largest = Attachments.largestFile(max);
            assertThat(BlobFormat.blobSize(largest)).isLessThanOrEqualTo(max);
            assertThat(BlobFormat.blobSize(largest + 1)).isGreaterThan(max);
        }
    }
}
