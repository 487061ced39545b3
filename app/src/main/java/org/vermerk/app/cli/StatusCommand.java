package org.vermerk.app.cli;

import java.util.Map;
import org.vermerk.app.account.Account;
import org.vermerk.app.connection.Session;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import picocli.CommandLine.Command;

/** {@code vermerk cli status}: who this device is, which server, and whether it can be reached. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows user, device and server, and tests the connection (authenticate and ping).")
final class StatusCommand extends CliCommand.Sub {
    @Override
    void execute() throws Exception {
        try (Account account = unlock(settings())) {
            Map<String, Object> fields = Output.fields(
                    "userId", account.userId(),
                    "deviceId", account.deviceId(),
                    "server", account.endpoint().serverUrl().toString(),
                    "trust", account.endpoint().trustedCas().isEmpty() ? "system" : "pinned CA",
                    "cipherSuite", account.cipherSuite());
            String text = "User:       " + account.userId() + "\nDevice:     " + account.deviceId() + "\nServer:     "
                    + account.endpoint().serverUrl() + " (" + fields.get("trust") + ")";
            CliFailure failure = null;
            try (Session session = account.openSession()) {
                long start = System.nanoTime();
                session.await(ClientRequest.Ping::new, ServerFrame.Pong.class);
                long roundTrip = (System.nanoTime() - start) / 1_000_000;
                int stock = ((ServerFrame.Authenticated) session.handshakeAnswer()).keyPackageStock();
                fields.put("connection", "ok");
                fields.put("roundTripMs", roundTrip);
                fields.put("keyPackageStock", stock);
                text += "\nConnection: ok (round trip " + roundTrip + " ms, " + stock + " KeyPackages on the server)";
            } catch (Exception e) {
                failure = ExitCodes.of(e);
                fields.put("connection", "failed");
                fields.put("error", failure.code());
                text += "\nConnection: failed";
            }
            output.result(text, fields);
            if (failure != null) {
                throw failure;
            }
        }
    }
}
