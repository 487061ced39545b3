/**
 * The client engine: account and enrolment ({@code account}), the connection to the server
 * ({@code connection}), the outbox pump ({@code outbox}), the command line ({@code cli}), the admin
 * policy ({@code policy}); conversations come with the MLS group logic.
 */
package org.vermerk.app;
