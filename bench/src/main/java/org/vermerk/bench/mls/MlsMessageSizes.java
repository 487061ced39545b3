package org.vermerk.bench.mls;

import java.util.List;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.keypackage.KeyPackage;

/**
 * Prints the encoded sizes (MLSMessage, bytes) of the messages the MLS benchmarks make, for
 * docs/benchmarks.md: the commit and the Welcome (with the ratchet tree) of adding N members in
 * one commit, the self-update commit in the 1001-member group, a 1 KiB application message.
 * Run: {@code java -cp bench/target/benchmarks.jar org.vermerk.bench.mls.MlsMessageSizes}.
 */
public final class MlsMessageSizes {
    private MlsMessageSizes() {}

    public static void main(String[] args) throws MlsException {
        System.out.println("| suite | what | commit (bytes) | Welcome (bytes) |");
        System.out.println("|---|---|---:|---:|");
        for (int suite : new int[] {1, 2}) {
            MlsFixture fixture = new MlsFixture(suite);
            for (int n : new int[] {10, 100, 1000}) {
                Group creator = fixture.create(fixture.identity("creator"));
                List<KeyPackage> keyPackages = fixture.publicKeyPackages(n);
                CreatedCommit created = creator.addMembers(keyPackages);
                row(
                        suite,
                        "add " + n,
                        created.commit().encoded().length,
                        created.welcome().orElseThrow().encoded().length);
            }
            MlsFixture.Pair pair = fixture.bigGroup(999);
            CreatedCommit update = pair.committer().selfUpdate();
            row(suite, "self-update, 1001 members", update.commit().encoded().length, 0);
            pair.committer().mergePendingCommit();
            int app = pair.committer().encrypt(new byte[1024], Bytes.EMPTY).encoded().length;
            row(suite, "application message, 1 KiB plaintext", app, 0);
        }
    }

    private static void row(int suite, String what, int commit, int welcome) {
        System.out.printf(
                "| %d | %s | %,d | %s |%n", suite, what, commit, welcome == 0 ? "—" : String.format("%,d", welcome));
    }
}
