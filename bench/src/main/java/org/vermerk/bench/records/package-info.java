/** Load drivers for the records export (docs/benchmarks.md). */
package org.vermerk.bench.records;
