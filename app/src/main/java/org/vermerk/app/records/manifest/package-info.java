/**
 * The package manifest (SHA-256 and size of every file) and its detached CMS signature by the
 * device key ({@code manifest.json}, {@code manifest.json.p7s}).
 */
package org.vermerk.app.records.manifest;
