/** JMH benchmarks and load drivers. */
package org.vermerk.bench;
