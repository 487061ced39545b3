package org.vermerk.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The delivery server in its own JVM ({@link LoadServer}), started with this JVM's java and class
 * path. Reads its enrolment codes and address, samples its CPU time and resident memory from
 * {@code /proc}, and stops it gracefully by closing its standard input.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final Map<String, String> codes;
    private final URI webSocketUri;
    private final Path caCertificate;

    private ServerProcess(
            Process process, BufferedReader output, Map<String, String> codes, URI webSocketUri, Path caCertificate) {
        this.process = process;
        this.output = output;
        this.codes = codes;
        this.webSocketUri = webSocketUri;
        this.caCertificate = caCertificate;
    }

    static ServerProcess start(Path data, int users, List<String> jvmOptions, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadServer.class.getName());
        command.addAll(List.of("--data", data.toString(), "--users", Integer.toString(users)));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> codes = new LinkedHashMap<>();
        String line;
        while ((line = output.readLine()) != null) {
            String[] parts = line.split(" ");
            if (parts[0].equals("code")) {
                codes.put(parts[1], parts[2]);
            } else if (parts[0].equals("ready")) {
                return new ServerProcess(process, output, codes, URI.create(parts[1]), Path.of(parts[2]));
            }
        }
        process.destroyForcibly();
        throw new IOException("the server process ended before it was ready; see " + log);
    }

    /** User ID to one-time enrolment code, in creation order. */
    Map<String, String> codes() {
        return codes;
    }

    URI webSocketUri() {
        return webSocketUri;
    }

    Path caCertificate() {
        return caCertificate;
    }

    long pid() {
        return process.pid();
    }

    /** User plus system CPU seconds the server process has used so far. */
    double cpuSeconds() {
        return ProcStats.cpuSeconds(process.pid());
    }

    /** The server process's resident set in MiB. */
    double residentMiB() {
        return ProcStats.residentMiB(process.pid());
    }

    /** Stops the server gracefully; true if it said so within the timeout. */
    boolean stop() throws IOException, InterruptedException {
        try (OutputStream in = process.getOutputStream()) {
            in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
        }
        boolean stopped = false;
        String line;
        while ((line = output.readLine()) != null) {
            stopped |= line.equals("stopped");
        }
        return process.waitFor(30, TimeUnit.SECONDS) && stopped;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
