/**
 * Housekeeping by age: the audit trail's retention period and the settings menu's expired
 * conversations, behind {@link dev.gmbot.port.in.RetentionCleanupUseCase}.
 */
package dev.gmbot.domain.retention;
