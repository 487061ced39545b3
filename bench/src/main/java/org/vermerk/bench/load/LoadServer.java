package org.vermerk.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vermerk.server.Administration;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;

/**
 * The child JVM of the load driver: starts the real {@link DeliveryServer} (what {@code vermerk
 * server} runs) with the default configuration on a free loopback port, creates the users through
 * the server's own {@link Administration} and prints one enrolment code per user, then runs until
 * its standard input ends and shuts down gracefully.
 *
 * <p>Protocol on standard output, one line each: {@code code USER_ID CODE} per user, then {@code
 * ready WEBSOCKET_URI CA_CERTIFICATE_PATH}; {@code stopped} after the graceful shutdown.
 */
public final class LoadServer {
    private LoadServer() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        int users = 0;
        String prefix = "load";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--prefix" -> prefix = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DeliveryServer server = DeliveryServer.start(ServerConfig.defaults(data).withPort(0), Clock.systemUTC());
        try {
            Administration administration = server.administration();
            // Several administrators at once, so that their writes share commits (ADR 0018).
            List<Future<String>> codes = new ArrayList<>();
            try (ExecutorService admins = Executors.newFixedThreadPool(16)) {
                for (int i = 0; i < users; i++) {
                    String userId = prefix + i + "@load.example";
                    String name = "Load " + i;
                    codes.add(admins.submit(() -> "code " + userId + " " + administration.addUser(userId, name)));
                }
                for (Future<String> code : codes) {
                    out.println(code.get());
                }
            }
            out.println("ready " + server.webSocketUri() + " " + server.caCertificate());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals("stop"));
        } finally {
            server.close();
        }
        out.println("stopped");
    }
}
