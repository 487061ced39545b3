/**
 * Benchmarks of the MLS engine (docs/benchmarks.md, "MLS engine"): adding N members in one commit,
 * a self-update commit in a 1001-member group and its processing by another member, and the
 * throughput of 1 KiB application messages; {@link org.vermerk.bench.mls.MlsMessageSizes} prints
 * the sizes of the messages involved.
 */
package org.vermerk.bench.mls;
