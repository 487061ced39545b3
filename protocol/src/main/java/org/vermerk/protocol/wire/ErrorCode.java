package org.vermerk.protocol.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The typed reason of an {@code error} frame; its wire name is lower snake case. */
public enum ErrorCode {
    /** The frame is not JSON, or not a JSON object. The connection stays open. */
    MALFORMED("malformed"),
    /** The frame's {@code type} is missing or not one this protocol version knows. */
    UNKNOWN_TYPE("unknown_type"),
    /** A field is missing, has the wrong type, bad base64, or a value the server refuses. */
    INVALID_REQUEST("invalid_request"),
    /** The request needs an authenticated connection; the server closes the connection. */
    UNAUTHENTICATED("unauthenticated"),
    /** The challenge signature did not verify or the device is unknown; the connection closes. */
    AUTH_FAILED("auth_failed"),
    /** The enrolment code is unknown, used, expired or for another user; the connection closes. */
    ENROLMENT_FAILED("enrolment_failed"),
    NOT_FOUND("not_found"),
    /** The sending device is not a member of the group. */
    NOT_MEMBER("not_member"),
    /** The message is for another epoch than the group's current one, named in {@code currentEpoch}. */
    STALE_EPOCH("stale_epoch"),
    GROUP_EXISTS("group_exists"),
    /** Too many frames; {@code retryAfterMs} says when the next one is accepted. */
    RATE_LIMITED("rate_limited"),
    /** The device already has the configured number of open connections; the connection closes. */
    TOO_MANY_CONNECTIONS("too_many_connections"),
    /** The server failed; the request may be retried (with the same client message ID). */
    INTERNAL("internal");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ErrorCode fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        throw new IllegalArgumentException("unknown error code " + name);
    }
}
