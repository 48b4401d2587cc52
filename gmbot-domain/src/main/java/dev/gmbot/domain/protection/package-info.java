/**
 * Protection: the policies that turn inbound events into {@link
 * dev.gmbot.domain.protection.Decision} values ({@link
 * dev.gmbot.domain.protection.ProtectionPolicy}), and the executor that carries them out through
 * the scheduler and the repositories ({@link dev.gmbot.domain.protection.DecisionExecutor}),
 * including the standing prompt of each group. See ADRs 0060-0064.
 */
package dev.gmbot.domain.protection;
