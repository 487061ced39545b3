package org.vermerk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.testing.FakeMls;
import org.vermerk.server.testing.TestClient;
import org.vermerk.server.testing.TestServer;

/** KeyPackage upload and claim: each handed out once, the low-stock notice, the last resort. */
class KeyPackageDirectoryTest {
    @TempDir
    Path data;

    private TestServer server;
    private TestClient anna;
    private TestClient ben;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data, config -> config.withKeyPackageLowWatermark(2));
        anna = server.enrolledDevice("anna@bmi.example");
        ben = server.enrolledDevice("ben@bmi.example");
        // A fresh device has no KeyPackages: the notice that follows its enrolment comes first.
        assertThat(ben.nextLowStockNotice().stock()).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        anna.close();
        ben.close();
        server.close();
    }

    private ServerFrame.KeyPackagesClaimed claimBen() throws InterruptedException {
        return anna.request(
                new ClientRequest.ClaimKeyPackages(anna.nextId(), "ben@bmi.example"),
                ServerFrame.KeyPackagesClaimed.class);
    }

    @Test
    void eachKeyPackageIsHandedOutOnceThenTheLastResortKeepsTheDeviceReachable() throws Exception {
        List<Bytes> batch = List.of(FakeMls.keyPackage("kp1"), FakeMls.keyPackage("kp2"), FakeMls.keyPackage("kp3"));
        ServerFrame.KeyPackagesStored stored = ben.request(
                new ClientRequest.UploadKeyPackages("u1", batch, FakeMls.keyPackage("last")),
                ServerFrame.KeyPackagesStored.class);
        assertThat(stored.stock()).isEqualTo(3);

        List<ServerFrame.ClaimedKeyPackage> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claims.add(claimBen().keyPackages().getFirst());
        }

        assertThat(claims)
                .extracting(ServerFrame.ClaimedKeyPackage::keyPackage)
                .containsExactly(
                        FakeMls.keyPackage("kp1"),
                        FakeMls.keyPackage("kp2"),
                        FakeMls.keyPackage("kp3"),
                        FakeMls.keyPackage("last"),
                        FakeMls.keyPackage("last"));
        assertThat(claims)
                .extracting(ServerFrame.ClaimedKeyPackage::lastResort)
                .containsExactly(false, false, false, true, true);
        assertThat(claims).allSatisfy(claim -> assertThat(claim.deviceId()).isEqualTo(ben.deviceId()));
    }

    @Test
    void theOwnerIsToldWhenItsStockFallsBelowTheWatermark() throws Exception {
        ben.request(
                new ClientRequest.UploadKeyPackages(
                        "u1",
                        List.of(FakeMls.keyPackage("kp1"), FakeMls.keyPackage("kp2")),
                        FakeMls.keyPackage("last")),
                ServerFrame.KeyPackagesStored.class);

        claimBen();

        ServerFrame.KeyPackagesLow notice = ben.nextLowStockNotice();
        assertThat(notice.stock()).isEqualTo(1);
        assertThat(notice.threshold()).isEqualTo(2);
        assertThat(notice.hasLastResort()).isTrue();
    }

    @Test
    void aDeviceWithoutEnoughKeyPackagesIsToldWhenItAuthenticates() throws Exception {
        String device = ben.deviceId();
        var key = ben.key();
        ben.close();
        ben.awaitClose();

        ben = server.connect();
        ben.authenticate(device, key);

        assertThat(ben.nextLowStockNotice().stock()).isZero();
    }

    @Test
    void anUploadOfSomethingOtherThanAKeyPackageIsRefused() throws Exception {
        ServerFrame.Error error = ben.request(
                new ClientRequest.UploadKeyPackages("u1", List.of(FakeMls.welcome("not a key package")), null),
                ServerFrame.Error.class);

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void claimingForAnUnknownUserIsNotFound() throws Exception {
        ServerFrame.Error error =
                anna.request(new ClientRequest.ClaimKeyPackages("c1", "nobody@bmi.example"), ServerFrame.Error.class);

        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
