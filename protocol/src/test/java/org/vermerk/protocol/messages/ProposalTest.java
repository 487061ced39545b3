package org.vermerk.protocol.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRoundTrip;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.hex;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.treemath.LeafIndex;

class ProposalTest {
    private static final Decoder<Proposal> PROPOSAL = Proposal::decode;

    private static byte[] tagged(Proposal proposal) {
        TlsWriter writer = new TlsWriter();
        Proposal.encode(writer, proposal);
        return writer.toByteArray();
    }

    @Test
    void proposalIsItsTypeFollowedByItsStruct() throws Exception {
        Remove remove = new Remove(LeafIndex.of(7));
        assertThat(remove.encoded()).isEqualTo(hex("00000007"));
        assertThat(tagged(remove)).isEqualTo(hex("0003" + "00000007"));
        assertThat(PROPOSAL.decodeAll(tagged(remove))).isEqualTo(remove);
    }

    @Test
    void proposalOfAnUnknownTypeCannotBeSkipped() {
        assertRejected(() -> PROPOSAL.decodeAll(hex("0a0a" + "00000007")), CodecRule.UNKNOWN_PROPOSAL_TYPE);
        assertRejected(() -> PROPOSAL.decodeAll(hex("0000")), CodecRule.UNKNOWN_PROPOSAL_TYPE);
        assertRejected(() -> PROPOSAL.decodeAll(hex("0008" + "00")), CodecRule.UNKNOWN_PROPOSAL_TYPE);
    }

    @Test
    void commitCarriesProposalsByValueAndByReference() throws Exception {
        Commit commit = new Commit(
                List.of(
                        new ProposalOrRef.ByValue(new Remove(LeafIndex.of(2))),
                        new ProposalOrRef.ByReference(bytes("aabb"))),
                Optional.empty());
        assertThat(commit.encoded()).isEqualTo(hex("0b" + "01" + "0003" + "00000002" + "02" + "02aabb" + "00"));
        assertRoundTrip(commit, Commit::decode);
    }

    @Test
    void proposalOrRefOfAnUnknownTypeIsRejected() {
        assertRejected(
                () -> Commit.decode(new TlsReader(hex("03" + "03" + "0000" + "00"))), CodecRule.UNKNOWN_ENUM_VALUE);
    }

    @Test
    void commitPathPresenceByteOtherThanZeroOrOneIsRejected() {
        assertRejected(() -> ((Decoder<Commit>) Commit::decode).decodeAll(hex("00" + "02")), CodecRule.INVALID_VALUE);
    }

    @Test
    void preSharedKeyIdsOfBothTypesRoundTrip() throws Exception {
        PreSharedKeyId external = new PreSharedKeyId.External(bytes("0102"), bytes("aa"));
        assertThat(external.encoded()).isEqualTo(hex("01" + "020102" + "01aa"));
        assertRoundTrip(new PreSharedKey(external), PreSharedKey::decode);

        PreSharedKeyId resumption =
                new PreSharedKeyId.Resumption(PreSharedKeyId.ResumptionPskUsage.BRANCH, bytes("0b"), 9, bytes("cc"));
        assertThat(resumption.encoded()).isEqualTo(hex("02" + "03" + "010b" + "0000000000000009" + "01cc"));
        assertRoundTrip(new PreSharedKey(resumption), PreSharedKey::decode);
    }

    @Test
    void unknownPskTypeAndResumptionUsageAreRejected() {
        assertRejected(() -> PreSharedKey.decode(new TlsReader(hex("03" + "00" + "00"))), CodecRule.UNKNOWN_ENUM_VALUE);
        assertRejected(
                () -> PreSharedKey.decode(new TlsReader(hex("02" + "04" + "010b" + "0000000000000009" + "01cc"))),
                CodecRule.UNKNOWN_ENUM_VALUE);
    }
}
