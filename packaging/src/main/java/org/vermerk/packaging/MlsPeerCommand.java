package org.vermerk.packaging;

import java.util.concurrent.Callable;
import org.vermerk.app.mlspeer.MlsPeer;
import picocli.CommandLine.Command;

/** {@code vermerk mls-peer}: the MLS interop peer (docs/mls-interop-peer.md). */
@Command(
        name = "mls-peer",
        mixinStandardHelpOptions = true,
        description = {
            "The MLS interop peer: drives the MLS engine from JSON lines, so that another",
            "MLS implementation can be tested against it. See docs/mls-interop-peer.md."
        },
        subcommands = {MlsPeerCommand.Serve.class})
final class MlsPeerCommand {
    /** {@code vermerk mls-peer serve}: JSON requests on stdin, one JSON answer line each on stdout. */
    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = {
                "Reads one JSON request per line on standard input and writes one JSON answer per",
                "line on standard output, in order, until `quit` or the end of input; diagnostics",
                "go to standard error. Nothing is written to disk."
            })
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return MlsPeer.serveStandardStreams();
        }
    }
}
