package org.vermerk.server.ws;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets requests run until shutdown, then waits for the running ones to finish before the store
 * closes: an accepted request is always completed and answered, never cut off halfway.
 */
public final class RequestGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Written under the write lock, read under the read lock. */
    private boolean closed;

    /** True if the caller may run a request; it must then call {@link #exit()}. */
    public boolean enter() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            return false;
        }
        return true;
    }

    public void exit() {
        lock.readLock().unlock();
    }

    /** Refuses new requests and returns once every running request has exited. */
    public void closeAndDrain() {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }
}
