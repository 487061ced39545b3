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
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.testing.DeviceKey;
import org.vermerk.server.testing.FakeMls;
import org.vermerk.server.testing.TestClient;
import org.vermerk.server.testing.TestServer;

/**
 * The group log over real connections: epochs and the first-commit-wins rule, fan-out, Welcomes
 * to new devices only, at-least-once delivery with acks, resume after reconnect and restart.
 */
class GroupDeliveryTest {
    private static final Bytes GROUP = Bytes.of("group-1".getBytes());

    @TempDir
    Path data;

    private TestServer server;
    private TestClient anna;
    private TestClient ben;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
        anna = server.enrolledDevice("anna@bmi.example");
        ben = server.enrolledDevice("ben@bmi.example");
    }

    @AfterEach
    void stop() throws Exception {
        anna.close();
        ben.close();
        server.close();
    }

    private ServerFrame commit(TestClient sender, long epoch, List<String> add, String body) throws Exception {
        sender.send(new ClientRequest.SendCommit(
                sender.nextId(),
                GROUP,
                epoch,
                TestClient.clientMessageId(),
                FakeMls.commit(GROUP, epoch, body),
                add.isEmpty() ? null : FakeMls.welcome("welcome " + body),
                add,
                List.of()));
        return sender.expect(ServerFrame.class);
    }

    private ServerFrame.Accepted send(TestClient sender, long epoch, String clientMessageId, String body)
            throws Exception {
        return sender.request(
                new ClientRequest.SendMessage(
                        sender.nextId(), GROUP, epoch, clientMessageId, FakeMls.application(GROUP, epoch, body)),
                ServerFrame.Accepted.class);
    }

    /** Anna creates the group and adds Ben: the group is at epoch 1 with both devices. */
    private void groupOfAnnaAndBen() throws Exception {
        anna.request(new ClientRequest.CreateGroup("c1", GROUP), ServerFrame.GroupCreated.class);
        assertThat(commit(anna, 0, List.of(ben.deviceId()), "add ben")).isInstanceOf(ServerFrame.Accepted.class);
        assertThat(ben.nextDelivery().kind()).isEqualTo(DeliveryKind.WELCOME);
    }

    @Test
    void aWelcomeReachesOnlyTheAddedDeviceAndTheCommitOnlyTheExistingMembers() throws Exception {
        groupOfAnnaAndBen();
        try (TestClient carla = server.enrolledDevice("carla@bmi.example")) {
            commit(anna, 1, List.of(carla.deviceId()), "add carla");

            ServerFrame.Deliver welcome = carla.nextDelivery();
            assertThat(welcome.kind()).isEqualTo(DeliveryKind.WELCOME);
            assertThat(welcome.message()).isEqualTo(FakeMls.welcome("welcome add carla"));
            carla.assertNoEventsPending();
            ServerFrame.Deliver commitToBen = ben.nextDelivery();
            assertThat(commitToBen.kind()).isEqualTo(DeliveryKind.COMMIT);
            assertThat(commitToBen.epoch()).isEqualTo(1);
            ben.assertNoEventsPending();
            anna.assertNoEventsPending();
        }
    }

    @Test
    void ofTwoCommitsForTheSameEpochTheFirstWinsAndTheOtherLearnsTheCurrentEpoch() throws Exception {
        groupOfAnnaAndBen();

        ServerFrame first = commit(anna, 1, List.of(), "anna's update");
        ServerFrame second = commit(ben, 1, List.of(), "ben's update");

        assertThat(first).isInstanceOfSatisfying(ServerFrame.Accepted.class, accepted -> {
            assertThat(accepted.epoch()).isEqualTo(2);
            assertThat(accepted.logIndex()).isEqualTo(1);
        });
        assertThat(second).isInstanceOfSatisfying(ServerFrame.Error.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.STALE_EPOCH);
            assertThat(error.currentEpoch()).isEqualTo(2);
        });
        assertThat(ben.nextDelivery().message()).isEqualTo(FakeMls.commit(GROUP, 1, "anna's update"));
    }

    @Test
    void anApplicationMessageFansOutToAllOtherMemberDevicesIncludingTheSendersOwnOtherDevice() throws Exception {
        groupOfAnnaAndBen();
        try (TestClient annaLaptop = server.enrolledDevice("anna@bmi.example")) {
            commit(anna, 1, List.of(annaLaptop.deviceId()), "add laptop");
            annaLaptop.nextDelivery();
            ben.nextDelivery();

            ServerFrame.Accepted accepted = send(anna, 2, "m1", "hello");

            for (TestClient receiver : List.of(ben, annaLaptop)) {
                ServerFrame.Deliver delivery = receiver.nextDelivery();
                assertThat(delivery.kind()).isEqualTo(DeliveryKind.APPLICATION);
                assertThat(delivery.logIndex()).isEqualTo(accepted.logIndex());
                assertThat(delivery.senderUserId()).isEqualTo("anna@bmi.example");
                assertThat(delivery.message()).isEqualTo(FakeMls.application(GROUP, 2, "hello"));
            }
            anna.assertNoEventsPending();
        }
    }

    @Test
    void aResendWithTheSameClientMessageIdIsAcceptedOnceAndAnsweredWithTheOriginalLogIndex() throws Exception {
        groupOfAnnaAndBen();

        ServerFrame.Accepted original = send(anna, 1, "same-id", "once");
        ServerFrame.Accepted resent = send(anna, 1, "same-id", "once");

        assertThat(resent.logIndex()).isEqualTo(original.logIndex());
        assertThat(resent.duplicate()).isTrue();
        ben.nextDelivery();
        ben.assertNoEventsPending();
    }

    @Test
    void aMessageWhoseHeaderNamesAnotherEpochThanTheRequestIsRefused() throws Exception {
        groupOfAnnaAndBen();

        ServerFrame.Error error = anna.request(
                new ClientRequest.SendMessage("x", GROUP, 1, "m", FakeMls.application(GROUP, 0, "old")),
                ServerFrame.Error.class);

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void anOfflineDeviceReceivesEverythingInOrderAfterReconnectingFromItsLastAck() throws Exception {
        groupOfAnnaAndBen();
        ben.ack(1);
        String benDevice = ben.deviceId();
        DeviceKey benKey = ben.key();
        ben.close();
        ben.awaitClose();

        for (int i = 0; i < 5; i++) {
            send(anna, 1, "m" + i, "message " + i);
        }
        ben = server.connect();
        ServerFrame.Authenticated authenticated = ben.authenticate(benDevice, benKey);

        assertThat(authenticated.ackedUpTo()).isEqualTo(1);
        List<String> bodies = new ArrayList<>();
        long previousSeq = 1;
        for (int i = 0; i < 5; i++) {
            ServerFrame.Deliver delivery = ben.nextDelivery();
            assertThat(delivery.seq()).isGreaterThan(previousSeq);
            previousSeq = delivery.seq();
            bodies.add(new String(delivery.message().toByteArray()));
        }
        assertThat(bodies).allSatisfy(body -> assertThat(body).contains("message "));
        assertThat(bodies.stream().map(body -> body.substring(body.indexOf("message "))))
                .containsExactly("message 0", "message 1", "message 2", "message 3", "message 4");
    }

    @Test
    void unacknowledgedDeliveriesComeAgainOnTheNextConnection() throws Exception {
        groupOfAnnaAndBen();
        send(anna, 1, "m1", "first");
        ServerFrame.Deliver once = ben.nextDelivery();
        String benDevice = ben.deviceId();
        DeviceKey benKey = ben.key();
        ben.close();
        ben.awaitClose();

        ben = server.connect();
        ben.authenticate(benDevice, benKey);

        assertThat(ben.nextDelivery().seq()).isEqualTo(1);
        assertThat(ben.nextDelivery()).isEqualTo(once);
    }

    @Test
    void aServerRestartMidExchangeLosesNothing() throws Exception {
        groupOfAnnaAndBen();
        ben.ack(1);
        String benDevice = ben.deviceId();
        DeviceKey benKey = ben.key();
        send(anna, 1, "before", "before restart");

        server.restart();
        assertThat(anna.awaitClose()).isEqualTo(1001);
        anna.close();
        ben.close();

        anna = server.connect();
        ben = server.connect();
        ben.authenticate(benDevice, benKey);
        ServerFrame.Deliver before = ben.nextDelivery();
        assertThat(new String(before.message().toByteArray())).endsWith("before restart");
        ServerFrame.GroupState state =
                ben.request(new ClientRequest.GetGroup("g", GROUP), ServerFrame.GroupState.class);
        assertThat(state.epoch()).isEqualTo(1);
        assertThat(state.memberDevices()).hasSize(2);
    }
}
