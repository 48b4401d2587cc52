/**
 * Abstract contract tests, one per driven port: the testkit's fake and each real adapter extend the
 * same class, so both are held to the same behaviour.
 */
package dev.gmbot.testkit.contract;
