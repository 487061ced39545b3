/**
 * A load driver for the delivery server: the real server in a child JVM on loopback, many
 * simulated clients speaking its real protocol (TLS, challenge authentication, acks) with opaque
 * MLS-shaped payloads, open-loop rate control, send-to-receive latency per delivered copy. See
 * {@link org.vermerk.bench.load.LoadDriver} and docs/benchmarks.md.
 */
package org.vermerk.bench.load;
