package org.vermerk.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The driver's command line. Groups are formed from consecutive clients: {@code --group-size 2}
 * is the 1:1 scenario (pairs), {@code --group-size 100} the group scenario.
 *
 * @param clients connected simulated devices (one user each)
 * @param groupSize members per group; must divide {@code clients}
 * @param rate application messages sent per second in total (each fans out to groupSize − 1)
 * @param warmupSeconds sending at the full rate before the measured window
 * @param durationSeconds the measured window
 * @param drainSeconds longest wait for outstanding copies after sending stopped
 * @param payloadBytes size of each opaque MLS message
 * @param ioThreads the shared executor of the clients' HttpClient
 * @param connectParallelism connections being set up at once
 * @param serverJvmOptions extra options for the server's JVM (e.g. a JFR recording)
 */
record LoadOptions(
        int clients,
        int groupSize,
        double rate,
        int warmupSeconds,
        int durationSeconds,
        int drainSeconds,
        int payloadBytes,
        int ioThreads,
        int connectParallelism,
        List<String> serverJvmOptions) {

    static final String USAGE = """
            Usage: java -cp bench/target/benchmarks.jar org.vermerk.bench.load.LoadDriver [options]
              --clients N           connected simulated devices (default 1000)
              --group-size G        members per group; 2 = 1:1 pairs (default 2)
              --rate R              messages sent per second in total (default 1000)
              --warmup S            seconds at full rate before measuring (default 10)
              --duration S          measured seconds (default 30)
              --drain S             longest wait for outstanding copies afterwards (default 15)
              --payload-bytes B     size of each opaque MLS message (default 1162)
              --io-threads T        executor threads of the clients' HttpClient (default 2)
              --connect-parallelism P  connections set up at once (default 50)
              --server-jvm "OPTS"   extra JVM options for the server process (space-separated)
            """;

    LoadOptions {
        if (clients < 2 || groupSize < 2 || clients % groupSize != 0) {
            throw new IllegalArgumentException("--group-size must be at least 2 and divide --clients");
        }
        if (rate <= 0 || durationSeconds <= 0 || warmupSeconds < 0 || drainSeconds < 0) {
            throw new IllegalArgumentException("--rate and --duration must be positive");
        }
        if (payloadBytes < 100) {
            throw new IllegalArgumentException("--payload-bytes must be at least 100");
        }
        serverJvmOptions = List.copyOf(serverJvmOptions);
    }

    static LoadOptions parse(String[] args) {
        int clients = 1000;
        int groupSize = 2;
        double rate = 1000;
        int warmup = 10;
        int duration = 30;
        int drain = 15;
        int payload = 1162;
        int ioThreads = 2;
        int parallelism = 50;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option + "\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--clients" -> clients = Integer.parseInt(value);
                case "--group-size" -> groupSize = Integer.parseInt(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--duration" -> duration = Integer.parseInt(value);
                case "--drain" -> drain = Integer.parseInt(value);
                case "--payload-bytes" -> payload = Integer.parseInt(value);
                case "--io-threads" -> ioThreads = Integer.parseInt(value);
                case "--connect-parallelism" -> parallelism = Integer.parseInt(value);
                case "--server-jvm" ->
                    jvm.addAll(Arrays.stream(value.trim().split("\\s+"))
                            .filter(s -> !s.isEmpty())
                            .toList());
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new LoadOptions(clients, groupSize, rate, warmup, duration, drain, payload, ioThreads, parallelism, jvm);
    }

    int groups() {
        return clients / groupSize;
    }
}
