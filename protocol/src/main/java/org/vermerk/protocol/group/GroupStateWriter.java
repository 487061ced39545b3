package org.vermerk.protocol.group;

import java.util.Arrays;
import java.util.Map;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.ResumptionPsk;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Writes version 1 of a stored group state (ADR 0009), the body after {@link GroupStateCodec}'s
 * header:
 *
 * <pre>
 * struct {
 *     GroupContext group_context;                   // §8.1
 *     optional&lt;Node&gt; ratchet_tree&lt;V&gt;;             // as the ratchet_tree extension, §12.4.3.3
 *     uint32 own_leaf;
 *     Credential credential;                        // §5.3; our leaf's
 *     opaque signature_private_key&lt;V&gt;;            // public key derived, must be our leaf's
 *     NodePrivateKey tree_private_keys&lt;V&gt;;         // ascending node index, our leaf's included
 *     opaque sender_data_secret&lt;V&gt;;               // §8, each Nh bytes
 *     opaque exporter_secret&lt;V&gt;;
 *     opaque external_secret&lt;V&gt;;
 *     opaque confirmation_key&lt;V&gt;;
 *     opaque membership_key&lt;V&gt;;
 *     opaque epoch_authenticator&lt;V&gt;;
 *     opaque init_secret&lt;V&gt;;                      // of the next epoch
 *     opaque interim_transcript_hash&lt;V&gt;;          // §8.2; the confirmed one is in the context
 *     opaque confirmation_tag&lt;V&gt;;                 // of the commit that started the epoch
 *     ResumptionPskEntry resumption_psks&lt;V&gt;;      // §8.6, ascending epoch, the current one included
 *     SecretTreeState secret_tree;                  // §9, unconsumed secrets only (SecretTree.writeState)
 *     PrivateKey own_update_keys&lt;V&gt;;              // our Update proposals' new leaf keys, §12.1.2
 *     StoredProposal proposals&lt;V&gt;;                // received by reference this epoch, arrival order
 * } GroupStateV1;
 *
 * struct { uint32 node; opaque private_key&lt;V&gt;; } NodePrivateKey;   // public key derived
 * struct { uint64 epoch; opaque resumption_psk&lt;V&gt;; } ResumptionPskEntry;
 * struct { opaque private_key&lt;V&gt;; } PrivateKey;
 * struct { opaque proposal_ref&lt;V&gt;; Sender sender; Proposal proposal; } StoredProposal;   // §5.2, §6, §12.1
 * </pre>
 *
 * Not stored: {@code encryption_secret} (the secret tree holds what is left of it; with it the
 * consumed ratchet keys could be derived again, §9.2), {@code epoch_secret}, {@code joiner_secret},
 * path secrets, public keys (derived from the private ones and checked against the tree), and the
 * group's {@link GroupConfig} (the application passes it again on loading). Every secret is
 * copied out of its {@link Secret} only for the moment it is written; the copy is wiped.
 */
final class GroupStateWriter {
    private final TlsWriter writer;

    GroupStateWriter(TlsWriter writer) {
        this.writer = writer;
    }

    void write(Group group) {
        EpochState state = group.state();
        state.context.encode(writer);
        state.tree.toNodes().encode(writer);
        writer.u32(state.ownLeaf().value());
        group.identity().credential().encode(writer);
        secret(writer, group.identity().signatureKeys().privateKey());
        writer.vector(inner -> {
            for (NodeIndex node : state.privateKeys.nodes()) {
                inner.u32(node.value());
                secret(inner, state.privateKeys.keyPair(node).orElseThrow().privateKey());
            }
        });
        EpochSecrets secrets = state.secrets;
        secret(writer, secrets.senderDataSecret().secret());
        secret(writer, secrets.exporterSecret().secret());
        secret(writer, secrets.externalSecret().secret());
        secret(writer, secrets.confirmationKey().secret());
        secret(writer, secrets.membershipKey().secret());
        secret(writer, secrets.epochAuthenticator().secret());
        secret(writer, secrets.nextInitSecret().secret());
        writer.opaque(state.transcript.interim());
        writer.opaque(state.confirmationTag);
        writer.vector(inner -> {
            for (Map.Entry<Long, ResumptionPsk> entry :
                    state.resumptionPsks.inOrder().entrySet()) {
                inner.u64(entry.getKey());
                secret(inner, entry.getValue().secret());
            }
        });
        state.secretTree.writeState(writer);
        writer.vector(inner -> state.proposals.ownUpdateKeys().forEach(keys -> secret(inner, keys.privateKey())));
        writer.vector(inner -> {
            for (QueuedProposal queued : state.proposals.all()) {
                inner.opaque(queued.reference().orElseThrow().value());
                queued.sender().encode(inner);
                Proposal.encode(inner, queued.proposal());
            }
        });
    }

    /** Writes {@code opaque secret<V>} and wipes the copy it exposed. */
    static void secret(TlsWriter writer, Secret secret) {
        byte[] bytes = secret.expose();
        try {
            writer.opaque(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
