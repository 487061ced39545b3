package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One {@code vermerk mls-peer serve} process, started from this JVM's class path, driven line by
 * line: every answer must be one JSON line with the request's id. Its stderr goes to a file that
 * failure messages quote. {@link #close()} quits it and, if it does not end, destroys it.
 */
final class PeerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Writer requests;
    private final BufferedReader answers;
    private final Path stderr;
    private int nextId;

    private PeerProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code java -cp <this class path> org.vermerk.packaging.VermerkCommand mls-peer serve}. */
    static PeerProcess start(String name, Path directory) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path stderr = directory.resolve(name + ".stderr");
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        classPath,
                        VermerkCommand.class.getName(),
                        "mls-peer",
                        "serve")
                .redirectError(stderr.toFile())
                .start();
        return new PeerProcess(name, process, stderr);
    }

    /** Sends one request line and reads its answer line. */
    JsonNode send(ObjectNode request) throws IOException {
        int id = ++nextId;
        request.put("id", id);
        requests.write(JSON.writeValueAsString(request));
        requests.write('\n');
        requests.flush();
        String line = answers.readLine();
        assertThat(line).as("%s answered nothing; stderr: %s", name, stderr()).isNotNull();
        JsonNode answer = JSON.readTree(line);
        assertThat(answer.get("id").asInt()).as("%s: %s", name, line).isEqualTo(id);
        return answer;
    }

    /** Sends a raw line (which need not be JSON) and reads its answer. */
    JsonNode sendRaw(String line) throws IOException {
        requests.write(line);
        requests.write('\n');
        requests.flush();
        String answer = answers.readLine();
        assertThat(answer).as("%s answered nothing; stderr: %s", name, stderr()).isNotNull();
        return JSON.readTree(answer);
    }

    /** The answer to {@code cmd} for client {@code state} with arguments name, value, ...; it must succeed. */
    JsonNode ok(String cmd, String state, Object... arguments) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("cmd", cmd);
        if (state != null) {
            request.put("state", state);
        }
        for (int i = 0; i < arguments.length; i += 2) {
            request.set((String) arguments[i], JSON.valueToTree(arguments[i + 1]));
        }
        JsonNode answer = send(request);
        assertThat(answer.get("ok").asBoolean())
                .as("%s %s: %s; stderr: %s", name, cmd, answer, stderr())
                .isTrue();
        return answer;
    }

    String name() {
        return name;
    }

    /** Sends {@code quit} and returns the exit code of the process. */
    int quit() throws Exception {
        ok("quit", null);
        requests.close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("%s ended after quit", name)
                .isTrue();
        return process.exitValue();
    }

    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Ends the process however it stands: closes its input (it ends at end of input), then destroys it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            requests.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
