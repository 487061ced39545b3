package org.vermerk.protocol.secrettree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The receiving ratchets' rules: the out-of-order window (SECRET-TREE-3), the forward bound
 * (SECRET-TREE-1), single use (SECRET-TREE-2), the leaf range (SECRET-TREE-4) and the end of a
 * ratchet (SECRET-TREE-5). A sender's tree over the same secret gives the expected keys.
 */
class SecretTreeWindowTest {
    private static final int LEAVES = 4;
    private static final LeafIndex LEAF = LeafIndex.of(2);
    private static final RatchetType APP = RatchetType.APPLICATION;

    private final CipherSuite suite = CipherSuites.byId(1);
    /** kdfExpand calls made through {@link #countingSuite}. */
    private final AtomicInteger derivations = new AtomicInteger();

    SecretTreeWindowTest() throws Exception {}

    private static EncryptionSecret root() {
        byte[] value = new byte[32];
        value[0] = 42;
        return new EncryptionSecret(Secret.of(value));
    }

    private SecretTree receiver(RatchetPolicy policy) {
        return new SecretTree(suite, root(), LEAVES, policy);
    }

    /** The sender's key of {@code generation}, from an independent tree. */
    private byte[] sentKey(long generation) throws Exception {
        SecretTree sender = new SecretTree(suite, root(), LEAVES);
        KeyAndNonce key;
        do {
            key = sender.nextForSending(LEAF, APP);
        } while (key.generation() < generation);
        return key.key().expose();
    }

    private CipherSuite countingSuite() {
        return (CipherSuite) Proxy.newProxyInstance(
                CipherSuite.class.getClassLoader(), new Class<?>[] {CipherSuite.class}, (proxy, method, args) -> {
                    if (method.getName().equals("kdfExpand")) {
                        derivations.incrementAndGet();
                    }
                    try {
                        return method.invoke(suite, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static SecretTreeRule ruleOf(Executable call) {
        return (SecretTreeRule) assertThrows(SecretTreeException.class, call).rule();
    }

    @Test
    void keysArriveInAnyOrderWithinTheWindowAndMatchTheSendersKeys() throws Exception {
        SecretTree tree = receiver(new RatchetPolicy(5, 1000));
        assertThat(tree.forReceiving(LEAF, APP, 4).key().expose()).isEqualTo(sentKey(4));
        assertThat(tree.forReceiving(LEAF, APP, 1).key().expose()).isEqualTo(sentKey(1));
        assertThat(tree.forReceiving(LEAF, APP, 0).key().expose()).isEqualTo(sentKey(0));
        assertThat(tree.forReceiving(LEAF, APP, 3).key().expose()).isEqualTo(sentKey(3));
        assertThat(tree.forReceiving(LEAF, APP, 5).key().expose()).isEqualTo(sentKey(5));
    }

    @Test
    void aSkippedKeyOlderThanTheWindowIsExpiredWithSecretTree3() throws Exception {
        SecretTree tree = receiver(new RatchetPolicy(5, 1000));
        tree.forReceiving(LEAF, APP, 10); // keeps 6..9, deletes 0..5
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 5))).isEqualTo(SecretTreeRule.EXPIRED);
        assertThat(tree.forReceiving(LEAF, APP, 6).key().expose()).isEqualTo(sentKey(6));

        tree.forReceiving(LEAF, APP, 12); // the window moves on to 8..12: 7 falls out, 8, 9 and 11 stay
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 7)).id()).isEqualTo("SECRET-TREE-3");
        assertThat(tree.forReceiving(LEAF, APP, 8).key().expose()).isEqualTo(sentKey(8));
    }

    @Test
    void aWindowOfZeroKeepsNoSkippedKey() throws Exception {
        SecretTree tree = receiver(new RatchetPolicy(0, 1000));
        tree.forReceiving(LEAF, APP, 3);
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 2))).isEqualTo(SecretTreeRule.EXPIRED);
    }

    @Test
    void aGenerationBeyondTheForwardDistanceIsRejectedWithSecretTree1() throws Exception {
        SecretTree tree = receiver(new RatchetPolicy(5, 10));
        tree.forReceiving(LEAF, APP, 0); // next underived generation: 1
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 12))).isEqualTo(SecretTreeRule.TOO_FAR_AHEAD);
        assertThat(tree.forReceiving(LEAF, APP, 11).key().expose()).isEqualTo(sentKey(11));
    }

    @Test
    void aRejectedFarGenerationDerivesNothing() throws Exception {
        SecretTree tree = new SecretTree(countingSuite(), root(), LEAVES); // default forward distance 1000
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 0xffff_ffffL))).isEqualTo(SecretTreeRule.TOO_FAR_AHEAD);
        assertThat(derivations).hasValue(0);

        tree.forReceiving(LEAF, APP, 0);
        int afterFirst = derivations.get();
        assertThat(afterFirst).isPositive();
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 1002)).id()).isEqualTo("SECRET-TREE-1");
        assertThat(derivations).hasValue(afterFirst);
    }

    @Test
    void theDefaultPolicyAllowsExactlyAThousandStepsAhead() throws Exception {
        SecretTree tree = new SecretTree(suite, root(), LEAVES);
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 1001))).isEqualTo(SecretTreeRule.TOO_FAR_AHEAD);
        assertThat(tree.forReceiving(LEAF, APP, 1000).generation()).isEqualTo(1000);
    }

    @Test
    void aKeyUsedOnceIsReplayedWithSecretTree2() throws Exception {
        SecretTree tree = receiver(new RatchetPolicy(5, 1000));
        tree.forReceiving(LEAF, APP, 3);
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, APP, 3))).isEqualTo(SecretTreeRule.REPLAY);

        tree.forReceiving(LEAF, APP, 1); // a skipped key, used now
        SecretTreeException replay = assertThrows(SecretTreeException.class, () -> tree.forReceiving(LEAF, APP, 1));
        assertThat(replay.rule()).isEqualTo(SecretTreeRule.REPLAY);
        assertThat(replay.getMessage()).startsWith("SECRET-TREE-2");
    }

    @Test
    void handshakeAndApplicationRatchetsAreIndependent() throws Exception {
        SecretTree tree = receiver(RatchetPolicy.DEFAULT);
        KeyAndNonce application = tree.forReceiving(LEAF, APP, 0);
        KeyAndNonce handshake = tree.forReceiving(LEAF, RatchetType.HANDSHAKE, 0);
        assertThat(handshake.key()).isNotEqualTo(application.key());
        assertThat(ruleOf(() -> tree.forReceiving(LEAF, RatchetType.HANDSHAKE, 0)))
                .isEqualTo(SecretTreeRule.REPLAY);
    }

    @Test
    void aLeafOutsideTheTreeIsRejectedWithSecretTree4() {
        SecretTree tree = receiver(RatchetPolicy.DEFAULT);
        assertThat(ruleOf(() -> tree.forReceiving(LeafIndex.of(LEAVES), APP, 0)))
                .isEqualTo(SecretTreeRule.LEAF_OUT_OF_RANGE);
        assertThat(ruleOf(() -> tree.nextForSending(LeafIndex.of(LeafIndex.MAX_VALUE), APP)))
                .isEqualTo(SecretTreeRule.LEAF_OUT_OF_RANGE);
    }

    @Test
    void aRatchetEndsAfterGenerationTwoToTheThirtyTwoMinusOneWithSecretTree5() throws Exception {
        LabeledCrypto crypto = new LabeledCrypto(suite);
        HashRatchet ratchet = new HashRatchet(crypto, Secret.of(new byte[32]), RatchetPolicy.DEFAULT, 0xffff_fffeL);
        assertThat(ratchet.next().generation()).isEqualTo(0xffff_fffeL);
        assertThat(ratchet.next().generation()).isEqualTo(0xffff_ffffL);
        SecretTreeException e = assertThrows(SecretTreeException.class, ratchet::next);
        assertThat(e.rule()).isEqualTo(SecretTreeRule.EXHAUSTED);
    }

    @Test
    void theTreeNeedsAPowerOfTwoLeaves() {
        assertThrows(IllegalArgumentException.class, () -> new SecretTree(suite, root(), 3));
    }
}
