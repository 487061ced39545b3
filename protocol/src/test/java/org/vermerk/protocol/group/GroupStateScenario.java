package org.vermerk.protocol.group;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.messages.Add;

/**
 * A three-member group in the middle of a conversation, at the moment Bernd's state is stored: every
 * part of a stored group state holds something.
 *
 * <ol>
 *   <li>Anna creates the group and adds Bernd and Clara (epoch 1), then Clara commits an empty
 *       self-update (epoch 2), so the tree holds parent nodes and Bernd private keys above his leaf;
 *   <li>Anna sends {@link #fromAnna} 0, 1 and 2; Bernd has received only 2, so the keys of 0 and 1
 *       wait in his window, and Clara has received all three;
 *   <li>Clara proposes an Update of her leaf and Bernd one of his (Bernd holds the new key pair of
 *       his own Update); everyone has received both proposals, which Anna's next commit covers by
 *       reference.
 * </ol>
 */
final class GroupStateScenario {
    final CipherSuite suite;
    final TestWorld world;
    final TestClient anna;
    final TestClient bernd;
    final TestClient clara;
    /** Anna's application messages of the current epoch; Bernd has processed only the last. */
    final List<MlsMessage> fromAnna;

    GroupStateScenario() throws Exception {
        suite = CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        anna = new TestClient(suite, "anna@bmi.example");
        bernd = new TestClient(suite, "bernd@bmi.example");
        clara = new TestClient(suite, "clara@bmi.example");
        world = new TestWorld(suite, anna);
        world.commit(
                anna,
                CommitOptions.of(List.of(new Add(bernd.keyPackage()), new Add(clara.keyPackage()))),
                List.of(bernd, clara));
        world.commit(clara, CommitOptions.of(List.of()), List.of());

        fromAnna = List.of(encrypt(anna, "anna 0"), encrypt(anna, "anna 1"), encrypt(anna, "anna 2"));
        for (MlsMessage message : fromAnna) {
            clara.group.process(message);
        }
        bernd.group.process(fromAnna.get(2));

        MlsMessage claraUpdate = clara.group.proposeUpdate();
        anna.group.process(claraUpdate);
        bernd.group.process(claraUpdate);
        MlsMessage berndUpdate = bernd.group.proposeUpdate();
        anna.group.process(berndUpdate);
        clara.group.process(berndUpdate);
    }

    static MlsMessage encrypt(TestClient sender, String text) throws Exception {
        return sender.group.encrypt(text.getBytes(StandardCharsets.UTF_8), Bytes.EMPTY);
    }

    /** The plaintext of an application message, as {@code receiver} decrypts it. */
    static String decrypt(Group receiver, MlsMessage message) throws Exception {
        var received = (ProcessedMessage.ApplicationMessage) receiver.process(message);
        return new String(received.plaintext().toByteArray(), StandardCharsets.UTF_8);
    }
}
