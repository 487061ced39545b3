/** Desktop notifications for arriving messages: when to notify and what to show ({@link org.vermerk.ui.notifications.Notifications}), and how ({@link org.vermerk.ui.notifications.SystemDesktopNotifier}). */
package org.vermerk.ui.notifications;
