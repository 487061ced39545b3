/**
 * The measurement hook bench's desktop-client driver switches on by a system property; absent
 * that property nothing here runs.
 */
package org.vermerk.ui.probe;
