/**
 * In-memory fakes of every driven port, for tests of the code that uses the ports (never a
 * substitute for testing an adapter itself). They are thread-safe and observable: tests read what
 * was done through their accessors.
 */
package dev.gmbot.testkit.fake;
